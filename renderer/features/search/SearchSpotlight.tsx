/**
 * Global search (Ctrl+K): startups, mentors and trainees through `search.global`, which
 * is prefix-aware, so results follow each keystroke (after a short pause).
 */
import { useState, type ReactNode } from 'react';
import { Center, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconRocket, IconSchool, IconSearch, IconUserStar } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../shared/api/common.js';
import { Sector } from '../../../shared/records/startups.js';
import { useApiQuery } from '../../api/query.js';
import { useErrorMessage } from '../../components/error-message.js';

const ENTITIES = ['startups', 'mentors', 'trainees'] as const satisfies readonly SearchHit['entity'][];
const ICONS = { startups: IconRocket, mentors: IconUserStar, trainees: IconSchool } as const;

export function pathOfHit(hit: SearchHit): string {
  return `/${hit.entity}/${hit.id}`;
}

/**
 * A hit's second line as people read it. Core joins a startup's sector into it as stored
 * ("saas · Karachi"); the sector is shown by its name in the viewer's language.
 */
function useHitSubtitle(): (hit: SearchHit) => string | undefined {
  const { t } = useTranslation();
  return (hit) => {
    if (!hit.subtitle) return undefined;
    if (hit.entity !== 'startups') return hit.subtitle;
    return hit.subtitle
      .split(' · ')
      .map((part) => {
        const sector = Sector.safeParse(part);
        return sector.success ? t(`enums.sector.${sector.data}`) : part;
      })
      .join(' · ');
  };
}

export function SearchSpotlight() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describe = useErrorMessage();
  const subtitle = useHitSubtitle();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useApiQuery(
    'search.global',
    { text: debounced, limit: 8 },
    { enabled: debounced.length > 0, placeholderData: keepPreviousData, staleTime: 5_000 },
  );
  const hits = debounced.length > 0 ? (search.data ?? []) : [];

  let empty: ReactNode = null;
  if (query.trim().length === 0) empty = t('search.hint');
  else if (search.isError) empty = describe(search.error);
  else if (search.isFetching && hits.length === 0) empty = <Loader size="sm" aria-label={t('common.loading')} />;
  else if (hits.length === 0 && debounced === query.trim()) empty = t('search.noResults', { text: query.trim() });

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} scrollable maxHeight={480}>
      <Spotlight.Search aria-label={t('search.label')} leftSection={<IconSearch size={18} aria-hidden />} />
      <Spotlight.ActionsList aria-label={t('search.results')}>
        {ENTITIES.map((entity) => {
          const group = hits.filter((hit) => hit.entity === entity);
          if (group.length === 0) return null;
          const Icon = ICONS[entity];
          return (
            <Spotlight.ActionsGroup key={entity} label={t(`search.groups.${entity}`)}>
              {group.map((hit) => (
                <Spotlight.Action
                  key={hit.id}
                  label={hit.title}
                  description={subtitle(hit)}
                  leftSection={<Icon size={20} stroke={1.5} aria-hidden />}
                  onClick={() => void navigate(pathOfHit(hit))}
                />
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
        {empty !== null && hits.length === 0 ? (
          <Spotlight.Empty>
            <Center>
              {typeof empty === 'string' ? (
                <Text size="sm" c="dimmed">
                  {empty}
                </Text>
              ) : (
                empty
              )}
            </Center>
          </Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

export const openSearch = (): void => spotlight.open();
