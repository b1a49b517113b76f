/* placeholder: being written */
typedef int placeholder_telnet_t;
