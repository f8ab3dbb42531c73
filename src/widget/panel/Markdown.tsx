/**
 * Renders help-article Markdown as Preact elements. Everything goes through h()/JSX, never
 * innerHTML, so it works under Trusted Types and a strict CSP and untrusted article text can
 * only ever become text nodes and vetted attributes (see ../markdown/parse.ts for URL rules).
 */
import { h } from 'preact';
import type { ComponentChildren, JSX, TargetedMouseEvent } from 'preact';
import { isExternalHref, parseMarkdown, type Block, type Inline } from '../markdown/parse';

export interface MarkdownProps {
  /** Markdown text; ignored when `blocks` is given. */
  source?: string;
  /** An already parsed body (e.g. cached alongside the search index). */
  blocks?: Block[];
  /** Added to heading levels: default 2, because the article title above is an h2. */
  headingOffset?: number;
  /** Opens another article inside the panel; called for plain left clicks on article links. */
  onArticleLink?: (id: string) => void;
}

/** The URL fragment an article link points to, so it still works when opened in a new tab. */
export const articleHref = (id: string): string => `#lifeline-article=${id}`;

interface Context {
  headingOffset: number;
  onArticleLink: ((id: string) => void) | undefined;
}

export function Markdown({ source, blocks, headingOffset = 2, onArticleLink }: MarkdownProps): JSX.Element {
  // Parsing is cheap and pure; no useMemo, so the component also works when called directly.
  const tree = blocks ?? parseMarkdown(source ?? '');
  const ctx: Context = { headingOffset, onArticleLink };
  return <div class="md">{tree.map((block, i) => renderBlock(block, i, ctx))}</div>;
}

function renderBlock(block: Block, key: number, ctx: Context): JSX.Element {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Math.trunc(block.level + ctx.headingOffset) || 1));
      return h(`h${level}`, { key }, renderInlines(block.children, ctx));
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children, ctx)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInlines(item, ctx)}</li>);
      if (!block.ordered) return <ul key={key}>{items}</ul>;
      const start = block.start !== undefined && block.start !== 1 ? block.start : undefined;
      return (
        <ol key={key} start={start}>
          {items}
        </ol>
      );
    }
    case 'code':
      return (
        <pre key={key}>
          <code class={block.lang ? `language-${block.lang}` : undefined}>{block.value}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{block.children.map((child, i) => renderBlock(child, i, ctx))}</blockquote>;
    case 'rule':
      return <hr key={key} />;
  }
}

function renderInlines(nodes: Inline[], ctx: Context): ComponentChildren {
  return nodes.map((node, i) => renderInline(node, i, ctx));
}

function renderInline(node: Inline, key: number, ctx: Context): ComponentChildren {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'strong':
      return <strong key={key}>{renderInlines(node.children, ctx)}</strong>;
    case 'em':
      return <em key={key}>{renderInlines(node.children, ctx)}</em>;
    case 'code':
      return <code key={key}>{node.value}</code>;
    case 'break':
      return <br key={key} />;
    case 'link': {
      // External pages open in a new tab so the visitor keeps the widget (and their place);
      // noopener/noreferrer keep the article's target from scripting or tracking the host page.
      const external = isExternalHref(node.href);
      return (
        <a
          key={key}
          href={node.href}
          title={node.title}
          target={external ? '_blank' : undefined}
          rel={external ? 'noopener noreferrer' : undefined}
        >
          {renderInlines(node.children, ctx)}
        </a>
      );
    }
    case 'articleLink': {
      const { articleId } = node;
      const onClick = (event: TargetedMouseEvent<HTMLAnchorElement>): void => {
        // Modified clicks keep the browser's behaviour (new tab/window via the fragment href).
        if (!ctx.onArticleLink || event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        ctx.onArticleLink(articleId);
      };
      return (
        <a key={key} href={articleHref(articleId)} onClick={onClick}>
          {renderInlines(node.children, ctx)}
        </a>
      );
    }
  }
}
