/**
 * The short notice an article carries in its header (such as "not medical advice"), its text
 * defined once for the whole library in `content/notices.yaml`.
 */
import './ArticleNotice.css';

interface Props {
  /** The notice's text, plain, as the library defines it. */
  readonly text: string;
}

/** A note in the article's header, read out as "Notice" by screen readers; it prints with the article. */
export function ArticleNotice({ text }: Readonly<Props>) {
  return (
    <p className="article-notice" role="note" aria-label="Notice">
      {text}
    </p>
  );
}
