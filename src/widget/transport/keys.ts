/** sessionStorage keys of the live conversation, shared by the panel and the live chunk. */
export const SESSION_KEY = 'lifeline:handoff';
/** Set while the panel is open on a live conversation; the loader reopens it on the next page. */
export const OPEN_KEY = 'lifeline:open';
