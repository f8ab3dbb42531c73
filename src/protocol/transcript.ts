/**
 * Transcript entries of the handoff protocol v1 (docs/protocol.md): what the visitor
 * did in the widget, in order, each with an ISO time. Shared by widget, server and console.
 */
export type Channel = 'chat' | 'callback' | 'phone';

export interface PageEntry { type: 'page'; at: string; url: string; title: string }
export interface SearchEntry { type: 'search'; at: string; query: string; resultCount: number; topIds: string[] }
export interface ArticleEntry { type: 'article'; at: string; articleId: string; title: string }
export interface FeedbackEntry { type: 'feedback'; at: string; articleId: string; helpful: boolean }
export interface HandoffEntry { type: 'handoff'; at: string; channel: Channel }

export type TranscriptEntry = PageEntry | SearchEntry | ArticleEntry | FeedbackEntry | HandoffEntry;
