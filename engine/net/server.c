/* placeholder: being written */
typedef int placeholder_server_t;
