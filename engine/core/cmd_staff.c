/* placeholder: being written */
typedef int placeholder_cmd_staff_t;
