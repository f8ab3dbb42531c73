/**
 * The files a chat message carries, in the console: images as thumbnails that open full size
 * (in a new tab: the server sends them with a sandbox CSP, so an image can never act as a page),
 * other files (PDF) as a download under their name.
 */
import type { AttachmentInfo } from '../protocol/attachments';
import { isImageType } from '../protocol/attachments';
import { api } from './api';
import { useStrings } from './strings';

/** "340 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * An image arrives after the log scrolled to its message: an agent reading the latest messages
 * keeps seeing them whole; one who scrolled up to read older ones is left where they are.
 */
function keepAtLatest(img: HTMLImageElement): void {
  const log = img.closest<HTMLElement>('.messages');
  if (log && log.scrollHeight - log.scrollTop - log.clientHeight <= img.height + 48) log.scrollTop = log.scrollHeight;
}

const KIND: Record<AttachmentInfo['type'], string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
};

export function Attachments({ handoffId, files }: { handoffId: string; files: AttachmentInfo[] }) {
  const t = useStrings().files;
  return (
    <ul class="files">
      {files.map((a) => {
        const url = api.attachmentUrl(handoffId, a.id);
        return (
          <li key={a.id}>
            {isImageType(a.type) ? (
              <a href={url} target="_blank" rel="noopener" class="thumb" title={`${a.name} (${KIND[a.type]}, ${fileSize(a.size)})`}>
                <img src={url} alt={t.openFull(a.name)} loading="lazy" onLoad={(e) => keepAtLatest(e.currentTarget)} />
              </a>
            ) : (
              <a href={url} download={a.name} class="file">
                {t.download(a.name)} <span class="muted">({KIND[a.type]}, {fileSize(a.size)})</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
