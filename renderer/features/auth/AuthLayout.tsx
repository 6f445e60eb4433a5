import type { ReactNode } from 'react';
import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The frame of the screens before sign-in: the app's name and one card. */
export function AuthLayout(props: { title: string; description: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={props.width ?? 420} gap="lg">
        <Group gap="xs" justify="center">
          <ThemeIcon size="lg" radius="md" aria-hidden>
            <IconBuildingCommunity size={20} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="lg" component="main">
          <Stack gap={4} mb="lg">
            <Title order={1} size="h3">
              {props.title}
            </Title>
            <Text c="dimmed" size="sm">
              {props.description}
            </Text>
          </Stack>
          {props.children}
        </Paper>
      </Stack>
    </Center>
  );
}
