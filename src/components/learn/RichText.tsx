import type { ReactNode } from 'react';

/**
 * Renders lesson text: a blank line starts a paragraph, `backticks` mark a formula, **stars** a new
 * word and *one star* emphasis. Nothing else, so translators cannot break the page with markup.
 */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\n+/).map((para, i) => (
        <p key={i}>{inline(para)}</p>
      ))}
    </>
  );
}

function inline(text: string): ReactNode[] {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)/g);
  return parts.map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
      return (
        <code key={i} className="learn-formula">
          {part.slice(1, -1)}
        </code>
      );
    }
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) {
      return (
        <strong key={i} className="learn-term">
          {part.slice(2, -2)}
        </strong>
      );
    }
    if (part.startsWith('*') && part.endsWith('*') && part.length > 1)
      return <em key={i}>{part.slice(1, -1)}</em>;
    return part;
  });
}
