import { parseRichText } from '../../domain/catalog/rich-text.js';

export function RichText({ source }: { source: string }) {
  return (
    <>
      {parseRichText(source).map((block) =>
        block.kind === 'paragraph' ? (
          <p>{block.text}</p>
        ) : (
          <ul>
            {block.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}
