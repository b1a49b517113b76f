/* placeholder: being written */
typedef int placeholder_scenario_t;
