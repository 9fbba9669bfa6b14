import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Card, CardContent, CardHeader, InputAdornment, LinearProgress, Link, List, ListItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { fetchAllTenants, useApi } from '../dashboard/useApi';
import type { Tenant } from '../tenants/types';
import { schoolCardLink } from './types';

type Tree = { municipalities: Tenant[]; organisations: Tenant[] };

/**
 * The region's schools by municipality, with a search by name: each school opens its card
 * (issue 13). The tree is what the API lets the analyst see — row-level security decides.
 */
export const SchoolsPage = () => {
  const [query, setQuery] = useState('');
  const tree = useApi<Tree>('schools-tree', async (dataProvider) => {
    const [municipalities, organisations] = await Promise.all([fetchAllTenants(dataProvider, { kind: 'MUNICIPALITY' }), fetchAllTenants(dataProvider, { kind: 'ORGANISATION' })]);
    return { municipalities, organisations };
  });
  const needle = query.trim().toLocaleLowerCase('ru');
  const matches = (o: Tenant) => !needle || o.shortName.toLocaleLowerCase('ru').includes(needle) || o.fullName.toLocaleLowerCase('ru').includes(needle);
  const municipalities = tree.data?.municipalities ?? [];
  const organisations = (tree.data?.organisations ?? []).filter(matches);
  const groups = [
    ...municipalities.map((m) => ({ id: m.id, name: m.shortName, schools: organisations.filter((o) => o.parentId === m.id) })),
    { id: 'none', name: 'Без муниципалитета', schools: organisations.filter((o) => !municipalities.some((m) => m.id === o.parentId)) },
  ].filter((g) => g.schools.length > 0);

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="schools-page">
      <Title title="Школы региона" />
      <Box>
        <Typography variant="h5" component="h1">
          Школы региона
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Карточка школы: показатели и цели, отклик на анкеты, эффективность программ, исполнение дорожной карты, свежесть данных.
        </Typography>
      </Box>
      <TextField
        size="small"
        label="Поиск школы"
        placeholder="Название или часть названия"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> }, htmlInput: { 'data-testid': 'school-search' } }}
        sx={{ maxWidth: 480 }}
      />
      {tree.isPending && <LinearProgress />}
      {tree.error && <Alert severity="error">{tree.error.message}</Alert>}
      {tree.data && groups.length === 0 && <Typography color="text.secondary">Ничего не найдено.</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', xl: '1fr 1fr 1fr' }, gap: 2 }}>
        {groups.map((group) => (
          <Card key={group.id} variant="outlined" data-testid="municipality-group">
            <CardHeader title={group.name} subheader={`Школ: ${group.schools.length}`} slotProps={{ title: { variant: 'subtitle1' } }} />
            <CardContent sx={{ pt: 0 }}>
              <List dense disablePadding>
                {group.schools.map((school) => (
                  <ListItem key={school.id} disableGutters>
                    <Link component={RouterLink} to={schoolCardLink(school.id)} underline="hover" data-testid="school-link">
                      {school.shortName}
                    </Link>
                  </ListItem>
                ))}
              </List>
            </CardContent>
          </Card>
        ))}
      </Box>
    </Box>
  );
};
