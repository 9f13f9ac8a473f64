/**
 * The pane's section tabs, sized for Excel's narrow task pane (about 320–350 px by default).
 * Small tabs; in a narrow pane each shows its icon above a smaller label (as Office's ribbon does), so
 * all four sections fit at 320 px. When the pane is narrower still (or zoomed), the tabs that do not
 * fit move into a "more" menu at the end of the list (Fluent UI's Overflow pattern for TabList), so
 * the pane never scrolls sideways. The selected tab stays visible (it has the highest priority).
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tabClassNames,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
  type SelectTabData,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { S } from '../strings';

export interface Section<Id extends string> {
  id: Id;
  label: string;
  icon: React.ReactElement;
}

/** The pane's own width in Excel (its page is the pane); below this the tab labels go under their icons. */
const NARROW = '@media (max-width: 419px)';

const useStyles = makeStyles({
  // minWidth 0 lets the list be narrower than its tabs, so Overflow can measure what does not fit.
  tabs: { minWidth: 0 },
  more: { alignSelf: 'center', flexShrink: 0, minWidth: 'auto' },
  tab: {
    [NARROW]: {
      // Fluent lays a tab out as a grid: icon in column 1, label in column 2. Here the label goes to row 2.
      justifyItems: 'center',
      rowGap: tokens.spacingVerticalXXS,
      // The label and its hidden bold twin (which keeps the width steady when selected) shrink together.
      [`& .${tabClassNames.content}, & .${tabClassNames.content}--reserved-space`]: {
        gridColumnStart: 1,
        gridRowStart: 2,
        fontSize: tokens.fontSizeBase200,
        lineHeight: tokens.lineHeightBase200,
      },
    },
  },
});

/** One menu entry per tab the list had no room for; nothing for tabs that are shown. */
function MoreItem<Id extends string>({ section, onSelect }: { section: Section<Id>; onSelect(id: Id): void }): React.ReactElement | null {
  const visible = useIsOverflowItemVisible(section.id);
  if (visible) return null;
  return (
    <MenuItem icon={section.icon} onClick={() => onSelect(section.id)}>
      {section.label}
    </MenuItem>
  );
}

function MoreMenu<Id extends string>({ sections, onSelect }: { sections: readonly Section<Id>[]; onSelect(id: Id): void }): React.ReactElement | null {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons>
      <MenuTrigger disableButtonEnhancement>
        {/* role=tab keeps the tab list's required-children rule and its arrow-key order; Menu adds aria-haspopup/expanded. */}
        <Button
          ref={ref}
          role="tab"
          aria-selected={false}
          appearance="transparent"
          size="small"
          className={styles.more}
          icon={<MoreHorizontalRegular />}
          aria-label={S.tabs.more(overflowCount)}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {sections.map((s) => (
            <MoreItem key={s.id} section={s} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export interface SectionTabsProps<Id extends string> {
  sections: readonly Section<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  className?: string;
}

export function SectionTabs<Id extends string>({ sections, selected, onSelect, className }: SectionTabsProps<Id>): React.ReactElement {
  const styles = useStyles();
  return (
    // No reserved end padding: nothing follows the tabs but the menu button, whose width Overflow measures itself.
    <Overflow minimumVisible={1} padding={0}>
      <TabList
        className={mergeClasses(styles.tabs, className)}
        size="small"
        aria-label={S.tabs.label}
        selectedValue={selected}
        onTabSelect={(_, d: SelectTabData) => onSelect(d.value as Id)}
      >
        {sections.map((s) => (
          <OverflowItem key={s.id} id={s.id} priority={s.id === selected ? 2 : 1}>
            <Tab className={styles.tab} id={`tab-${s.id}`} value={s.id} icon={s.icon} aria-controls={`panel-${s.id}`}>
              {s.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreMenu sections={sections} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
