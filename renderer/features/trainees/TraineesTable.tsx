/**
 * The trainees table, virtualised for a register of a million: only the rows on screen are
 * in the page, fetched from core a hundred at a time as they come into view (see
 * use-trainee-pages.ts). Rows have one fixed height.
 *
 * Browsers cap an element's height (Chromium at about 33 million pixels, Firefox lower), and
 * a million rows of 40 px would pass it. Past MAX_SCROLL_HEIGHT the scroll bar stands for
 * the whole list at a reduced scale: the virtualizer works in list pixels, the scroll area
 * in scaled pixels, and each row is placed relative to the current scroll position, so rows
 * still move one to one with the wheel near where the user is reading.
 *
 * Name and city headers sort the list (in core, over the whole register): each is a button
 * in a column header that carries aria-sort while it orders the rows.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { InputOf } from '../../../shared/api/index.js';
import type { Trainee } from '../../../shared/records/trainees.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormat } from '../../format/index.js';
import type { SortField, TraineeSort } from './list-params.js';
import classes from './TraineesTable.module.css';
import { useTraineePages } from './use-trainee-pages.js';

export const ROW_HEIGHT = 40;
const MAX_SCROLL_HEIGHT = 15_000_000;
const OVERSCAN = 8;

type ListQuery = Omit<InputOf<'trainees.list'>, 'limit' | 'offset'>;

interface Scale {
  /** List pixels per scroll pixel (1 until the list is taller than MAX_SCROLL_HEIGHT). */
  ratio: number;
  /** Height of the scrolled content, in scroll pixels. */
  height: number;
}

function scaleFor(count: number, viewport: number): Scale {
  const listHeight = count * ROW_HEIGHT;
  if (listHeight <= MAX_SCROLL_HEIGHT) return { ratio: 1, height: listHeight };
  const range = Math.max(1, MAX_SCROLL_HEIGHT - viewport);
  return { ratio: Math.max(1, (listHeight - viewport) / range), height: MAX_SCROLL_HEIGHT };
}

export function TraineesTable(props: {
  query: ListQuery;
  height: string;
  empty: ReactNode;
  sort: TraineeSort;
  onSortChange: (sort: TraineeSort) => void;
  onShown?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const viewportRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState({ first: 0, last: 30 });
  const pages = useTraineePages(props.query, visible);
  const count = pages.total;

  // The scale is read by the offset observer below, outside React's render.
  const scaleRef = useRef<Scale>({ ratio: 1, height: 0 });
  const [viewportHeight, setViewportHeight] = useState(600);
  const scale = useMemo(() => scaleFor(count, viewportHeight), [count, viewportHeight]);
  scaleRef.current = scale;

  const observeOffset = useCallback((instance: Virtualizer<HTMLDivElement, Element>, report: (offset: number, isScrolling: boolean) => void) => {
    const element = instance.scrollElement;
    if (!element) return;
    const onScroll = () => report(element.scrollTop * scaleRef.current.ratio, false);
    onScroll();
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, []);

  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    observeElementOffset: observeOffset,
  });
  // The viewport element exists only once there are rows (or placeholders) to show.
  const hasViewport = count > 0 || pages.first.isPending;
  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const measure = () => setViewportHeight(element.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasViewport]);
  const items = virtualizer.getVirtualItems();
  const listOffset = virtualizer.scrollOffset ?? 0;
  const scrollTop = listOffset / scale.ratio;

  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    setVisible((current) => (current.first === firstIndex && current.last === lastIndex ? current : { first: firstIndex, last: lastIndex }));
  }, [firstIndex, lastIndex]);

  const shown = pages.first.isSuccess || pages.first.isError;
  const { onShown } = props;
  useEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);

  // A new search or filter starts at the top of its results.
  const queryKey = JSON.stringify(props.query);
  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (element && element.scrollTop !== 0) element.scrollTop = 0;
  }, [queryKey]);

  const openRow = (event: MouseEvent, trainee: Trainee | undefined) => {
    if (!trainee || (event.target as HTMLElement).closest('a')) return;
    void navigate(`/trainees/${trainee.id}`);
  };

  if (pages.first.isError) return <QueryError error={pages.first.error} onRetry={() => void pages.first.refetch()} />;
  if (pages.first.isSuccess && !pages.stale && count === 0) return <>{props.empty}</>;

  const shownFirst = Math.min(count, Math.floor(listOffset / ROW_HEIGHT) + 1);
  const shownLast = Math.min(count, Math.floor((listOffset + viewportHeight) / ROW_HEIGHT));

  return (
    <div className={classes.table}>
      <div
        role="table"
        aria-label={t('trainees.tableLabel')}
        aria-rowcount={count + 1}
        aria-busy={pages.first.isPending || pages.stale || undefined}
        style={{ display: 'contents' }}
      >
        <div role="rowgroup">
          <div role="row" className={classes.header} aria-rowindex={1}>
            <SortableHeader field="name" label={t('trainees.fields.name')} sort={props.sort} onSortChange={props.onSortChange} />
            <span role="columnheader" className={classes.cell}>
              {t('trainees.fields.cnic')}
            </span>
            <span role="columnheader" className={classes.cell}>
              {t('trainees.fields.gender')}
            </span>
            <SortableHeader field="city" label={t('trainees.fields.city')} sort={props.sort} onSortChange={props.onSortChange} />
            <span role="columnheader" className={classes.cell}>
              {t('trainees.fields.district')}
            </span>
            <span role="columnheader" className={classes.cell}>
              {t('trainees.fields.skills')}
            </span>
            <span role="columnheader" className={classes.cell}>
              {t('trainees.fields.phone')}
            </span>
          </div>
        </div>
        <div
          ref={viewportRef}
          className={classes.viewport}
          style={{ height: props.height }}
          tabIndex={0}
          role="rowgroup"
          aria-label={t('trainees.tableRows')}
          data-testid="trainees-viewport"
        >
          <div style={{ height: count === 0 ? ROW_HEIGHT * 8 : scale.height, position: 'relative' }}>
            {count === 0
              ? Array.from({ length: 8 }, (_, i) => <PlaceholderRow key={i} top={i * ROW_HEIGHT} />)
              : items.map((item) => {
                  const trainee = pages.rowAt(item.index);
                  const top = item.start - listOffset + scrollTop;
                  if (!trainee) return <PlaceholderRow key={item.key} top={top} index={item.index} />;
                  return (
                    <div
                      key={item.key}
                      role="row"
                      aria-rowindex={item.index + 2}
                      data-testid="trainee-row"
                      className={pages.stale ? `${classes.row} ${classes.stale}` : classes.row}
                      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
                      onClick={(e) => openRow(e, trainee)}
                    >
                      <span role="cell" className={classes.cell}>
                        <Link to={`/trainees/${trainee.id}`} className={classes.name}>
                          {trainee.name}
                        </Link>
                      </span>
                      <span role="cell" className={classes.mono}>
                        {trainee.cnic ?? <Missing />}
                      </span>
                      <span role="cell" className={classes.cell}>
                        {trainee.gender ? t(`enums.gender.${trainee.gender}`) : <Missing />}
                      </span>
                      <span role="cell" className={classes.cell}>
                        {trainee.city ?? <Missing />}
                      </span>
                      <span role="cell" className={classes.cell}>
                        {trainee.district ?? <Missing />}
                      </span>
                      <span role="cell" className={classes.cell} title={trainee.skills.join(', ')}>
                        {trainee.skills.length === 0 ? (
                          <Missing />
                        ) : (
                          trainee.skills.map((skill) => (
                            <span key={skill} className={classes.skill}>
                              {skill}
                            </span>
                          ))
                        )}
                      </span>
                      <span role="cell" className={classes.mono}>
                        {trainee.phone ?? <Missing />}
                      </span>
                    </div>
                  );
                })}
          </div>
        </div>
      </div>
      <div className={classes.footer}>
        <span aria-live="polite" data-testid="trainees-count">
          {pages.first.isPending
            ? t('common.loading')
            : t('trainees.list.showing', {
                from: format.number(shownFirst),
                to: format.number(Math.max(shownFirst, shownLast)),
                total: format.number(count),
                count,
              })}
        </span>
        {pages.pageError ? (
          <Group gap="xs">
            <Text size="xs" c="red">
              {t('trainees.list.pageFailed')}
            </Text>
            <Button size="compact-xs" variant="light" color="red" onClick={pages.retryPages}>
              {t('common.tryAgain')}
            </Button>
          </Group>
        ) : null}
      </div>
    </div>
  );
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** A column header that sorts by its column: ascending first, then each press turns it round. */
function SortableHeader(props: {
  field: SortField;
  label: string;
  sort: TraineeSort;
  onSortChange: (sort: TraineeSort) => void;
}) {
  const { t } = useTranslation();
  const direction = props.sort.field === props.field ? props.sort.direction : null;
  const next = direction === 'asc' ? 'desc' : 'asc';
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <span role="columnheader" className={classes.cell} aria-sort={direction ? ARIA_SORT[direction] : 'none'}>
      <button
        type="button"
        className={direction ? `${classes.sort} ${classes.sorted}` : classes.sort}
        onClick={() => props.onSortChange({ field: props.field, direction: next })}
        title={t(`trainees.sort.${next}`, { column: props.label })}
      >
        <span className={classes.cell}>{props.label}</span>
        <Icon size={14} aria-hidden className={direction ? undefined : classes.sortIdle} />
      </button>
    </span>
  );
}

function Missing() {
  return <span className={classes.dimmed}>—</span>;
}

function PlaceholderRow(props: { top: number; index?: number }) {
  return (
    <div
      className={classes.row}
      style={{ height: ROW_HEIGHT, transform: `translateY(${props.top}px)`, cursor: 'default' }}
      aria-hidden
      data-testid="trainee-row-loading"
    >
      {[70, 80, 50, 60, 60, 80, 70].map((width, i) => (
        <span key={i} className={classes.placeholder} style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}
