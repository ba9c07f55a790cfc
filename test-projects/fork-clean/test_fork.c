/*
 * The chibi-scheme FFI test pattern in C: build a DLL, dlopen() it, use it, DELETE it, then fork().
 * On Cygwin the child must map the parent's dlopen()ed DLL again from its file; the file is gone, so fork() fails
 * with "child_info_fork::abort: unable to map ...cygplugin.dll, Win32 error 126" (EAGAIN in the parent).
 * On Linux the same program passes. Exit: 0 = fork worked, 1 = fork failed, 2 = setup problem.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PLUGIN
#define PLUGIN "./build/cygplugin.dll"
#endif

int main(void) {
  void *h = dlopen(PLUGIN, RTLD_NOW);
  if (!h) { fprintf(stderr, "dlopen %s: %s\n", PLUGIN, dlerror()); return 2; }
  int (*answer)(void) = (int (*)(void))dlsym(h, "plugin_answer");
  if (!answer || answer() != 42) { fprintf(stderr, "plugin_answer missing or wrong\n"); return 2; }
  printf("loaded %s, plugin_answer() = 42\n", PLUGIN);
#ifndef DEFER_DELETE
  if (unlink(PLUGIN) != 0) { perror("unlink"); return 2; }
  printf("deleted %s while it is still loaded\n", PLUGIN);
#endif
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) { printf("fork failed: %s\n", strerror(errno)); return 1; }
  if (pid == 0) _exit(answer() == 42 ? 0 : 3);
  int status = 0;
  waitpid(pid, &status, 0);
  printf("child exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
#ifdef DEFER_DELETE
  dlclose(h);
  if (unlink(PLUGIN) != 0) { perror("unlink"); return 2; }
  printf("deleted %s after the last fork\n", PLUGIN);
#endif
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
