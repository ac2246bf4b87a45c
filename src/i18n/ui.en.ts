import type { UiStrings } from './ui.da';

/** English texts of the task pane UI, used when Office's display language is English. */
export const uiEn: UiStrings = {
  appTitle: 'Indsatsmonitor',
  outsideOffice: 'Open Indsatsmonitor from Excel to work in a workbook.',
  tabListLabel: 'Features',
  tabs: {
    setup: {
      label: 'Setup',
      description:
        'Here you will be able to prepare a workbook for Indsatsmonitor: point out the table of initiatives and set up fixed fields such as initiative type and status. This feature is in development.',
    },
    validation: {
      label: 'Validation',
      description:
        'Here you will be able to check the active sheet for empty or invalid values, such as dates, amounts and CPR numbers, and see which cells need fixing. This feature is in development.',
    },
    overview: {
      label: 'Overview',
      description:
        'Here you will be able to see an overview of the initiatives in the workbook, such as how many are active, by type. This feature is in development.',
    },
    economy: {
      label: 'Finances',
      description:
        'Here you will be able to follow the spending on initiatives, such as the total amounts per initiative type. This feature is in development.',
    },
  },
  dataValidationUnsupported:
    'Your version of Excel does not support drop-down lists from add-ins (ExcelApi 1.8). Validation and overview still work.',
};
