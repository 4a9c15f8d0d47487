/**
 * The mark of an article the reader added: the word "Yours" (never a colour alone), with the file
 * it came from in its tooltip.
 */
import type { AddedFrom } from '../../../shared/model';
import './OriginTag.css';

interface Props {
  /** Where the article came from, when known. */
  readonly added: AddedFrom | undefined;
}

/** "Yours". */
export function OriginTag({ added }: Readonly<Props>) {
  return (
    <span className="origin-tag" title={added ? `Added by you from ${added.sourceFile}` : 'Added by you'}>
      Yours
    </span>
  );
}
