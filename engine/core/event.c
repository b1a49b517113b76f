/* placeholder: being written */
typedef int placeholder_event_t;
