/**
 * Whether the widget may store anything in the browser now (data-consent="required": not until
 * the visitor opens the panel or the page consents). The loader tells the panel (PanelContext
 * canStore), which gates its copy of this module with it: every caller then falls back to memory.
 */
let allowed = (): boolean => true;
export const gateStorage = (canStore: () => boolean): void => {
  allowed = canStore;
};

/** sessionStorage, or null where touching it throws (sandboxed frames, some privacy modes) or storing is not allowed yet. */
export function sessionStorageOrNull(): Storage | null {
  try {
    return allowed() ? window.sessionStorage : null;
  } catch {
    return null; // the callers fall back to memory
  }
}
