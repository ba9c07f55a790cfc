import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/model/causes.ts
var CAUSE_INFO = {
  "deleted-dll": {
    title: "A DLL the parent had loaded was gone when the fork child tried to map it",
    description: "Cygwin rebuilds a fork child by loading every DLL of the parent again from its path on disk. The file had been deleted, moved, or its temp directory cleaned up while the parent still had it loaded, so the child could not map it (typically `unable to map ..., Win32 error 126`)."
  },
  "replaced-dll": {
    title: "The file at the DLL path is no longer the image the parent loaded",
    description: "The DLL was rebuilt, updated in place, or another DLL with the same basename was found first, so the child loaded something different from the parent (`Loaded different DLL with same basename`, `unable to map ..., Win32 error 126` after a rebuild, `cygheap base mismatch` after a runtime upgrade)."
  },
  "address-collision": {
    title: "The child could not place a DLL, stack or heap at the parent\u2019s address",
    description: "Something already occupies the address range in the child: a DLL that was relocated (missing rebase, ASLR), a thread stack, a heap, or an injected DLL. Rebasing the DLLs involved usually fixes it."
  },
  heap: {
    title: "The Cygwin heap or cygheap could not be recreated in the child",
    description: "cygheap/heap base mismatch or reservation failure: two Cygwin runtimes in one process tree, mandatory ASLR, or a heap range taken in the child."
  },
  resources: {
    title: "Windows ran out of a resource the fork needs",
    description: "Out of commit memory (page file), process or handle limits, job-object quotas, or desktop heap (`Win32 error 1455`, exit code 0xC0000142 under load)."
  },
  interference: {
    title: "A third party blocked or moved DLL loading or process memory access",
    description: 'Antivirus, EDR or another injected DLL ("BLODA") denied access to the child process or placed its own DLL where Cygwin needs the parent\u2019s layout (`Win32 error 5`, `child_copy ... copy failed`).'
  },
  unknown: {
    title: "A fork failure whose cause the evidence does not decide",
    description: "The log shows the failure but not enough around it. An strace log of the run (`strace -o trace.log <cmd>`) usually decides it."
  }
};

export {
  CAUSE_INFO
};
