/* placeholder: being written */
typedef int placeholder_cli_run_t;
