/* placeholder: being written */
typedef int placeholder_sandbox_t;
