/* A C test in the same spirit: build a plugin, dlopen() it, unlink() the file, then fork() for a sub-test.
 * On Linux the child inherits the mapping; on Cygwin the fork child has to map plugin.dll again and fails. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define PLUGIN "tests/plugin.so"

static int run_child(void) {
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 1;
  }
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int main(void) {
  void *h = dlopen(PLUGIN, RTLD_NOW);
  if (!h) {
    fprintf(stderr, "dlopen: %s\n", dlerror());
    return 1;
  }
  int (*answer)(void) = (int (*)(void))dlsym(h, "answer");
  printf("answer=%d\n", answer());
  unlink(PLUGIN); /* clean up early: the library stays mapped */
  int rc = run_child();
  printf("child rc=%d\n", rc);
  return rc;
}
