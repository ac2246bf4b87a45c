/** Danish texts of the task pane UI. Danish is the product's first language. */
export const uiDa = {
  appTitle: 'Indsatsmonitor',
  outsideOffice: 'Åbn Indsatsmonitor fra Excel for at arbejde i en projektmappe.',
  tabListLabel: 'Funktioner',
  tabs: {
    setup: {
      label: 'Opsætning',
      description:
        'Her skal du kunne gøre en projektmappe klar til Indsatsmonitor: udpege tabellen med indsatser og få faste felter som indsatstype og status sat op. Funktionen er under udvikling.',
    },
    validation: {
      label: 'Validering',
      description:
        'Her skal du kunne kontrollere det aktive ark for tomme eller ugyldige værdier, fx datoer, beløb og CPR-numre, og se, hvilke celler der skal rettes. Funktionen er under udvikling.',
    },
    overview: {
      label: 'Overblik',
      description:
        'Her skal du kunne se et samlet overblik over indsatserne i projektmappen, fx hvor mange der er aktive, fordelt på type. Funktionen er under udvikling.',
    },
    economy: {
      label: 'Økonomi',
      description:
        'Her skal du kunne følge udgifterne til indsatserne, fx de samlede beløb pr. indsatstype. Funktionen er under udvikling.',
    },
  },
  dataValidationUnsupported:
    'Din Excel-version understøtter ikke rullelister fra tilføjelsesprogrammer (ExcelApi 1.8). Validering og overblik virker stadig.',
} as const;

/** The shape every UI language must provide: same keys as Danish, any wording. */
export type UiStrings = Widen<typeof uiDa>;
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
