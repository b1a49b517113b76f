/*
 * Links one layer's library whole with only what that layer may use: the build fails when a
 * layer calls upwards or into a library it must not use. Running it checks nothing more.
 */
#include <stdio.h>

/* Says which layer linked. */
int main(void)
{
	puts("1..1\nok 1 - " LAYER " links alone");
	return 0;
}
