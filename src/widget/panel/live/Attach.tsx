/**
 * Files in the chat, the visitor's side (issue 13): the composer's **Attach a file** button, a
 * file dropped on the chat or an image pasted into the message box, checked here by content
 * and size (src/protocol/attachments.ts; the server checks again and decides) and sent through
 * the session's outbox; and the files a message carries: images as thumbnails that open full
 * size inside the panel, other files (PDF) as a download. A chunk of its own with its words in
 * the four languages, so the live chunk stays small.
 *
 * How an image reaches an <img> without the visitor's token in a URL: its bytes are fetched with
 * the token in the Authorization header (as every other call), then shown as a data: URL. The
 * token never lands in a URL (server logs, history, Referer), no second signing secret is
 * needed, and a strict page's `img-src 'self' data:` allows it (many such pages refuse blob:).
 * A page whose policy refuses data: images too gets the file as a download instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { PanelCtx } from '../context';
import type { HumanSession } from '../../transport/session';
import type { ChatMessage } from '../../transport/conversation';
import { createClient } from '../../transport/client';
import { checkAttachment, DEFAULT_ATTACHMENT_MAX_MB, isImageType, megabytes, SNIFF_BYTES, type AttachmentInfo } from '../../../protocol/attachments';
import css from '../../styles/attach.css?inline';
import { loadAttachWords, problemText, size, type Words } from './attach-words';
import type { Language } from '../../i18n/locale';
import type { SiteStrings } from '../../settings';

/**
 * The visitor's words, a chunk per language: the chat view awaits loadWords before it draws
 * anything of this chunk (a page has one language, so they are loaded once).
 */
let w: Words;
export const loadWords = (language: Language, site: SiteStrings | null): Promise<unknown> => loadAttachWords(language, site).then((words) => (w = words));

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,application/pdf';
/** Files taken from one drop or paste; more is almost always a mistake. */
const MAX_AT_ONCE = 5;

/** The backend's limit, asked once per page (GET /v1/status); the default when it does not say. */
let limit: Promise<number> | undefined;
const maxBytes = (backend: string): Promise<number> =>
  (limit ??= createClient(backend)
    .status()
    .then((s) => s.attachmentMaxBytes ?? megabytes(DEFAULT_ATTACHMENT_MAX_MB))
    .catch(() => megabytes(DEFAULT_ATTACHMENT_MAX_MB)));

/**
 * The composer's file button, and the drop and paste that do the same; says at once, in the
 * visitor's language, why a file is refused.
 */
export function Attach({ ctx, session, chat, box }: { ctx: PanelCtx; session: HumanSession; chat: RefObject<HTMLElement | null>; box: RefObject<HTMLTextAreaElement | null> }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => ctx.addStyles(css), []);
  // Under the composer, at the bottom of what scrolls: brought into view to be seen, not only heard.
  useEffect(() => alert.current?.scrollIntoView?.({ block: 'nearest' }), [error]);

  const take = async (list: ArrayLike<File>): Promise<void> => {
    const max = await maxBytes(ctx.settings.backend!);
    let refused: string | null = null;
    for (const file of Array.from(list).slice(0, MAX_AT_ONCE)) {
      const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
      const checked = checkAttachment(head, file.size, max);
      if (!checked.ok) refused = problemText(w, ctx.language, checked.problem, max);
      else session.attach(file, { name: file.name, type: checked.type, size: file.size });
    }
    setError(refused);
  };

  useEffect(() => {
    const root = chat.current;
    const field = box.current;
    if (!root || !field) return;
    const files = (e: DragEvent): boolean => !!e.dataTransfer?.types.includes('Files');
    const over = (e: DragEvent): void => {
      if (!files(e)) return;
      e.preventDefault(); // lets the drop happen here rather than open the file in the tab
      setDragging(true);
    };
    const leave = (e: DragEvent): void => {
      if (!root.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      if (!files(e)) return;
      e.preventDefault();
      setDragging(false);
      void take(e.dataTransfer!.files);
    };
    // A pasted screenshot arrives as a file; pasted text is left to the box.
    const paste = (e: ClipboardEvent): void => {
      const list = e.clipboardData?.files;
      if (!list?.length) return;
      e.preventDefault();
      void take(list);
    };
    root.addEventListener('dragover', over);
    root.addEventListener('dragleave', leave);
    root.addEventListener('drop', drop);
    field.addEventListener('paste', paste);
    return () => {
      root.removeEventListener('dragover', over);
      root.removeEventListener('dragleave', leave);
      root.removeEventListener('drop', drop);
      field.removeEventListener('paste', paste);
    };
  }, [chat.current, box.current]);

  useEffect(() => {
    chat.current?.classList.toggle('ll-dropping', dragging);
  }, [dragging]);

  return (
    <>
      <button type="button" class="ll-attach" aria-label={w.attach} title={w.attach} onClick={() => input.current?.click()}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V6a3 3 0 0 1 6 0v10a1.5 1.5 0 0 1-3 0V7" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const el = e.currentTarget;
          if (el.files?.length) void take(el.files).finally(() => (el.value = ''));
        }}
      />
      {dragging && <p class="ll-drop-hint" aria-hidden="true">{w.drop}</p>}
      {error && <p ref={alert} class="ll-attach-error" role="alert">{error}</p>}
    </>
  );
}

/** The files a message carries, in its bubble. */
export function Files({ ctx, session, m }: { ctx: PanelCtx; session: HumanSession; m: ChatMessage }) {
  useEffect(() => ctx.addStyles(css), []);
  return (
    <span class="ll-files">
      {m.attachments!.map((a, i) =>
        !a.id ? (
          <span key={i} class="ll-file">
            {a.name} · {size(ctx.language, a.size)}
            {m.state === 'failed' && <span class="ll-file-problem">{m.problem ? problemText(w, ctx.language, m.problem, megabytes(DEFAULT_ATTACHMENT_MAX_MB)) : w.lost}</span>}
          </span>
        ) : isImageType(a.type) ? (
          <Thumb key={a.id} ctx={ctx} session={session} a={a} w={w} />
        ) : (
          <Download key={a.id} ctx={ctx} session={session} a={a} w={w} />
        ),
      )}
    </span>
  );
}

/** A stored file's bytes, read with the handoff's token in the Authorization header (never in a URL). */
async function read(ctx: PanelCtx, session: HumanSession, attachmentId: string): Promise<Blob> {
  const c = session.conversation();
  if (!c?.id || !c.token) throw new Error('no handoff to read the file from');
  const base = ctx.settings.backend!.replace(/\/?$/, '/');
  const response = await fetch(new URL(`v1/handoffs/${encodeURIComponent(c.id)}/attachments/${encodeURIComponent(attachmentId)}`, new URL(base, location.href)), {
    headers: { authorization: `Bearer ${c.token}` },
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} reading a file`);
  return response.blob();
}

const dataUrl = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

type FileProps = { ctx: PanelCtx; session: HumanSession; a: AttachmentInfo; w: Words };

/** A PDF (or any file that is not an image): fetched when asked for, then saved under its name. */
function Download({ ctx, session, a, w }: FileProps) {
  const save = async (): Promise<void> => {
    const url = URL.createObjectURL(await read(ctx, session, a.id));
    const link = document.createElement('a');
    link.href = url;
    link.download = a.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <button type="button" class="ll-file ll-file-button" aria-label={`${w.download(a.name)}, ${size(ctx.language, a.size)}`} onClick={() => void save().catch((error: unknown) => console.error('[Lifeline] file:', error))}>
      <span aria-hidden="true">{a.name}</span>
      <span class="ll-file-size" aria-hidden="true">PDF · {size(ctx.language, a.size)}</span>
    </button>
  );
}

/** An image as a thumbnail; pressed, it opens full size inside the panel (Escape or Close to go back). */
function Thumb({ ctx, session, a, w }: FileProps) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  /** Where the full-size view goes: over the conversation, leaving the header and the phone bar in view. */
  const [open, setOpen] = useState<{ top: number; height: number } | null>(null);
  const thumb = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let live = true;
    read(ctx, session, a.id)
      .then(dataUrl)
      .then(
        (url) => live && setSrc(url),
        (error: unknown) => {
          console.error('[Lifeline] image:', error);
          if (live) setFailed(true);
        },
      );
    return () => void (live = false);
  }, [a.id]);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (failed) return <Download ctx={ctx} session={session} a={a} w={w} />;
  const shut = (): void => {
    setOpen(null);
    thumb.current?.focus();
  };
  return (
    <>
      <button ref={thumb} type="button" class="ll-thumb" aria-label={w.view(a.name)} onClick={() => {
          const body = thumb.current?.closest<HTMLElement>('.ll-body');
          setOpen(body ? { top: body.offsetTop, height: body.clientHeight } : { top: 0, height: 0 });
        }} disabled={!src}>
        {/* A page whose policy refuses data: images gets the download instead. */}
        {src ? <img src={src} alt="" onError={() => setFailed(true)} /> : <span class="ll-thumb-wait" />}
      </button>
      {open && src && (
        <div class="ll-lightbox" style={open.height ? { top: `${open.top}px`, height: `${open.height}px`, bottom: 'auto' } : undefined} role="dialog" aria-label={a.name} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), shut())}>
          <div class="ll-lightbox-bar">
            <a href={src} download={a.name}>{w.download(a.name)}</a>
            <button ref={close} type="button" class="ll-pill ll-plain" onClick={shut}>{w.close}</button>
          </div>
          <img src={src} alt={a.name} class="ll-lightbox-img" />
        </div>
      )}
    </>
  );
}
