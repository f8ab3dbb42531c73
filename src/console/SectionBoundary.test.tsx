import { describe, expect, it, vi } from 'vitest';
import { SectionBoundary } from './SectionBoundary';

// No DOM here: the boundary's two halves, as Preact calls them when a child throws.
describe('SectionBoundary', () => {
  it('shows its section until a child throws, then a notice naming the section', () => {
    const boundary = new SectionBoundary({ name: 'tried', children: 'the timeline' });
    expect(boundary.render()).toBe('the timeline');
    boundary.state = SectionBoundary.getDerivedStateFromError();
    const notice = boundary.render() as { props: { role: string; children: unknown } };
    expect(notice.props.role).toBe('alert');
    expect(notice.props.children).toBe('“What they tried” could not be shown; the rest of the page is as it was. Reload to try again.');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    boundary.componentDidCatch(new URIError('URI malformed'));
    expect(errors).toHaveBeenCalledWith('Lifeline console: "What they tried" could not be shown', expect.any(URIError));
    errors.mockRestore();
  });
});
