import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { View } from '../panel-contract';
import type { PanelCtx } from './context';
import type { Channel } from '../../protocol/transcript';
import { showOnTop, hideFromTop } from '../host';
import type { PanelStrings } from './strings';
import { useArticles } from './useArticles';
import { usePosition } from './usePosition';
import { useAgentName } from './useAgentName';
import { Header } from './Header';
import { SearchView } from './SearchView';
import { ArticleView } from './ArticleView';
import { HumanBar } from './HumanBar';
import { loadHours } from './useHours';
import { trapTab } from './focus';
import { LiveLoader, OPEN_KEY, hasLiveSession, wasOpenOnLive } from './LiveLoader';
import { sessionStorageOrNull } from '../storage';

export interface AppControls {
  open(view?: View): void;
  close(): void;
  isOpen(): boolean;
}

type Screen = { kind: 'search' } | { kind: 'article'; id: string } | { kind: 'human' };

/**
 * The panel: a dialog with a header, one scrolling view (search, article or the human
 * channels) and the human bar, which never scrolls away. State lives here; views are dumb.
 */
export function App({ ctx, strings, bind }: { ctx: PanelCtx; strings: PanelStrings; bind: (controls: AppControls) => void }) {
  const [open, setOpen] = useState(false);
  const [screen, setScreen] = useState<Screen>({ kind: 'search' });
  const [history, setHistory] = useState<Screen[]>([]);
  const [query, setQuery] = useState('');
  const [panel, setPanel] = useState<HTMLElement | null>(null);
  const articles = useArticles(ctx.settings.articles, ctx.settings.backend, ctx.language);
  const fullScreen = usePosition(open, panel, ctx.anchor, ctx.settings.position);
  const agent = useAgentName(ctx, screen.kind === 'human');
  const title = ctx.settings.title ?? strings.title;
  const where =
    screen.kind === 'article'
      ? (articles.status === 'ready' && (articles.index.get(screen.id)?.title ?? articles.remote?.title(screen.id))) || title
      : screen.kind === 'human'
        ? agent ? strings.chatWith(agent) : strings.talkToHuman
        : title;
  const openRef = useRef(open);
  openRef.current = open;
  // Where focus goes after a view change: the search box, or the new view's heading.
  const focusNext = useRef<'search' | 'heading' | null>(null);

  const go = useCallback((next: Screen, remember = true) => {
    setScreen((current) => {
      if (remember && (current.kind !== next.kind || JSON.stringify(current) !== JSON.stringify(next))) {
        setHistory((h) => [...h.slice(-20), current]);
      }
      return next;
    });
    focusNext.current = next.kind === 'search' ? 'search' : 'heading';
  }, []);

  const close = useCallback((returnFocus: boolean) => {
    if (!openRef.current) return;
    setOpen(false);
    ctx.onClosed(returnFocus);
  }, [ctx]);

  useEffect(() => {
    bind({
      open(view) {
        if (view?.kind === 'search') {
          if (view.query !== undefined) setQuery(view.query);
          go({ kind: 'search' }, false);
          setHistory([]);
        } else if (view?.kind === 'article') go({ kind: 'article', id: view.id });
        else if (view?.kind === 'human') go({ kind: 'human' });
        else focusNext.current = screenFocus(screen);
        setOpen(true);
      },
      close: () => close(panel?.contains(ctx.root.activeElement) ?? false),
      isOpen: () => openRef.current,
    });
  });

  // A conversation from an earlier page reconnects at once (the loader mounts the panel when the
  // page is idle), and if the panel was open on it, it opens again here. (Before the effect
  // below, which forgets that flag while the panel is closed.)
  useEffect(() => {
    if (!ctx.settings.backend || !hasLiveSession()) return;
    void import('./live/LiveHuman').then((m) => m.sessionFor(ctx));
    if (wasOpenOnLive()) ctx.open({ kind: 'human' });
  }, []);

  // The hours chunk once the visitor opens the panel on a site with hours: the human view then
  // opens without waiting for it, and a malformed data-hours is reported. Not at mount, which
  // happens when the page is idle: a page view with no intent should not fetch it.
  useEffect(() => void (open && ctx.settings.hours && loadHours(ctx.language).catch(() => undefined /* useHours reports it */)), [open]);

  // With a conversation going on, the next page of the site reopens the panel on it.
  useEffect(() => {
    if (!ctx.settings.backend) return;
    try {
      const storage = sessionStorageOrNull();
      if (open && screen.kind === 'human') storage?.setItem(OPEN_KEY, 'human');
      else storage?.removeItem(OPEN_KEY);
    } catch {
      // Storage blocked: the conversation still resumes when the visitor opens the panel.
    }
  }, [open, screen.kind]);
  // Into the top layer while open, so no page z-index can cover the panel.
  useLayoutEffect(() => {
    if (!panel) return;
    if (open) showOnTop(panel);
    else hideFromTop(panel);
  }, [open, panel]);

  useEffect(() => {
    if (!open || !panel || !focusNext.current) return;
    const target = focusNext.current === 'search'
      ? panel.querySelector<HTMLElement>('input[type="search"]')
      : panel.querySelector<HTMLElement>('[data-view-heading]');
    // A view still loading (the live chunk) has no heading yet: try again on its next render.
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  const back = (): void => {
    const previous = history[history.length - 1];
    setHistory((h) => h.slice(0, -1));
    go(previous ?? { kind: 'search' }, false);
  };

  const recordHandoff = (channel: Channel): void => {
    ctx.transcript.append({ type: 'handoff', channel });
    ctx.emitter.emit('handoff', { channel });
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab' && fullScreen && panel) {
      trapTab(event, panel); // full-screen is modal: keep Tab inside
    }
  };

  return (
    <div
      ref={setPanel}
      class={`ll-panel${fullScreen ? ' ll-full' : ''}`}
      role="dialog"
      aria-modal={fullScreen ? 'true' : 'false'}
      aria-labelledby="ll-title"
      hidden={!open}
      onKeyDown={onKeyDown}
    >
      <Header
        strings={strings}
        title={title}
        where={where}
        canGoBack={screen.kind !== 'search'}
        onBack={back}
        onClose={() => close(true)}
      />
      <div class="ll-body">
        {screen.kind === 'search' && (
          <SearchView
            ctx={ctx}
            strings={strings}
            articles={articles}
            query={query}
            onQuery={setQuery}
            onOpenArticle={(id) => go({ kind: 'article', id })}
            onHuman={() => go({ kind: 'human' })}
          />
        )}
        {screen.kind === 'article' && (
          <ArticleView
            key={screen.id}
            ctx={ctx}
            strings={strings}
            articles={articles}
            id={screen.id}
            onOpenArticle={(id) => go({ kind: 'article', id })}
            onHuman={() => go({ kind: 'human' })}
          />
        )}
        {screen.kind === 'human' && <LiveLoader ctx={ctx} strings={strings} open={open} onHandoff={recordHandoff} />}
      </div>
      <HumanBar
        settings={ctx.settings}
        strings={strings}
        onHuman={() => go({ kind: 'human' })}
        onCall={() => recordHandoff('phone')}
      />
    </div>
  );
}

function screenFocus(screen: Screen): 'search' | 'heading' {
  return screen.kind === 'search' ? 'search' : 'heading';
}
