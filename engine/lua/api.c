/* placeholder: being written */
typedef int placeholder_api_t;
