/* A tiny plugin: the test builds it into a fresh DLL, dlopen()s it and calls it. */
int plugin_answer(void) { return 42; }
