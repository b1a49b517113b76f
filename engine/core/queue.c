/* placeholder: being written */
typedef int placeholder_queue_t;
