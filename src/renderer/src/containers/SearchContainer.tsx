/**
 * The search box wired to the engine: holds what is typed, searches on every change, and keeps
 * track of the open list and the active result.
 */
import { useState, type Ref } from 'react';
import type { SearchHit } from '../../../shared/api';
import { SearchBox } from '../components/SearchBox';
import { useSearch } from '../hooks/useSearch';

interface Props {
  /** The input element, so that a shortcut can focus it. */
  readonly inputRef: Ref<HTMLInputElement>;
  /** Open a result (go to its passage). */
  readonly onOpenHit: (hit: SearchHit) => void;
  /** How the focus shortcut reads on this system. */
  readonly shortcutLabel: string;
}

/** Identify a hit across answers, so the active result stays active while the list updates. */
function hitKey(hit: SearchHit): string {
  return `${hit.articleId}/${hit.passageId}`;
}

/** The search box and its results, connected. */
export function SearchContainer({ inputRef, onOpenHit, shortcutLabel }: Readonly<Props>) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [activeKey, setActiveKey] = useState<string>();
  const { response, pending, error } = useSearch(query);
  const results = response?.results ?? [];
  const activeIndex = activeKey === undefined ? -1 : results.findIndex((hit) => hitKey(hit) === activeKey);

  return (
    <SearchBox
      query={query}
      onQueryChange={(next) => {
        setQuery(next);
        setOpen(true);
      }}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setActiveKey(undefined);
      }}
      response={response}
      pending={pending}
      error={error}
      activeIndex={activeIndex}
      onActiveIndexChange={(i) => {
        const hit = results[i];
        setActiveKey(hit ? hitKey(hit) : undefined);
      }}
      onChoose={(hit) => {
        setOpen(false);
        setActiveKey(undefined);
        onOpenHit(hit);
      }}
      inputRef={inputRef}
      shortcutLabel={shortcutLabel}
    />
  );
}
