/* placeholder: being written */
typedef int placeholder_render_t;
