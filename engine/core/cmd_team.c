/* placeholder: being written */
typedef int placeholder_cmd_team_t;
