/* placeholder: being written */
typedef int placeholder_timeparse_t;
