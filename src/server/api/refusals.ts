/** The store's refusals as answers, in words for whoever made the request. */
import type { Refusal } from '../store/types';
import { problem, type ApiContext } from './http';

export function refused(c: ApiContext, reason: Refusal): Response {
  switch (reason) {
    case 'not_found':
      return problem(c, 404, 'There is no such handoff.');
    case 'taken':
      return problem(c, 409, 'Another agent has this handoff.', undefined, 'taken');
    case 'closed':
      return problem(c, 409, 'This handoff is closed (resolved or cancelled).', undefined, 'closed');
    case 'not_chat':
      return problem(c, 409, 'Messages are only for chat handoffs.', undefined, 'not_chat');
    case 'not_callback':
      return problem(c, 409, 'This is not a callback handoff.', undefined, 'not_callback');
    case 'not_closed':
      return problem(c, 409, 'A conversation is rated once it has ended (resolved, or ended by the visitor).', undefined, 'not_closed');
    case 'not_sent':
      return problem(c, 404, 'No agent sent this article in this conversation.', 'articleId', 'not_sent');
    case 'rated':
      return problem(c, 409, 'This conversation was rated already, with another answer: a rating is given once.', undefined, 'rated');
  }
}
