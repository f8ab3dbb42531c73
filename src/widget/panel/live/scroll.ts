/**
 * Where the chat keeps its place, pure: it follows new messages while the visitor is at the
 * bottom (or when they sent one themselves), and holds still when they scrolled up to read,
 * offering a jump to the latest instead.
 */

/** How close to the bottom still counts as "at the bottom", in CSS pixels (a line of text, about). */
export const BOTTOM_SLACK_PX = 48;

export function nearBottom(box: { scrollTop: number; clientHeight: number; scrollHeight: number }, slack = BOTTOM_SLACK_PX): boolean {
  return box.scrollHeight - box.scrollTop - box.clientHeight <= slack;
}

/** Whether the view moves to the newest message when messages arrive: at the bottom already, or the visitor's own. */
export const follows = (atBottom: boolean, sentByVisitor: boolean): boolean => atBottom || sentByVisitor;

/**
 * Whether the visitor is away from the bottom after a scroll: back at the bottom, no; scrolled
 * by the visitor (wheel, touch, keys) and not at the bottom, yes; anything else (the box resized
 * or reflowed) leaves it as it was.
 */
export function leftBottom(wasUp: boolean, box: { scrollTop: number; clientHeight: number; scrollHeight: number }, byVisitor: boolean): boolean {
  if (nearBottom(box)) return false;
  return byVisitor || wasUp;
}
