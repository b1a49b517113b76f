/* placeholder: being written */
typedef int placeholder_conn_t;
