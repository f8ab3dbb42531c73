/** sessionStorage, or null where touching it throws (sandboxed frames, some privacy modes). */
export function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // the callers fall back to memory
  }
}
