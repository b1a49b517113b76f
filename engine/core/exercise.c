/* placeholder: being written */
typedef int placeholder_exercise_t;
