// Filter controls above the charge point table; every change is written to the URL.
import { Button, CloseButton, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { SearchIcon } from '../../components/icons.js';
import type { ChargePointFilters } from './charge-point-filters.js';

interface FilterBarProps {
  filters: ChargePointFilters;
  cpoOptions: Array<{ value: string; label: string }> | null;
  placeLabel: string | null;
  onChange: (name: 'cpo' | 'arch' | 'q', value: string | null) => void;
  onClearPlace: () => void;
}

export function ChargePointFilterBar({
  filters,
  cpoOptions,
  placeLabel,
  onChange,
  onClearPlace,
}: FilterBarProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="ID, address, vendor, connection point…"
        leftSection={<SearchIcon size={16} />}
        value={filters.text}
        onChange={(e) => onChange('q', e.currentTarget.value || null)}
        rightSection={
          filters.text ? (
            <CloseButton aria-label="Clear search" size="sm" onClick={() => onChange('q', null)} />
          ) : null
        }
        w={300}
      />
      {cpoOptions && (
        <Select
          label="CPO"
          placeholder="All CPOs"
          data={cpoOptions}
          value={filters.cpoId}
          onChange={(value) => onChange('cpo', value)}
          clearable
          w={180}
        />
      )}
      <SegmentedControl
        aria-label="Architecture"
        value={filters.architecture ?? 'all'}
        onChange={(value) => onChange('arch', value === 'all' ? null : value)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'public', label: 'Public' },
          { value: 'residential', label: 'Residential' },
        ]}
      />
      {placeLabel && (
        <Button
          variant="light"
          size="sm"
          rightSection={<span aria-hidden="true">×</span>}
          onClick={onClearPlace}
        >
          {placeLabel}
        </Button>
      )}
    </Group>
  );
}
