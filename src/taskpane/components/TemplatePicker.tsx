/**
 * Screen 1: pick a template. Search in English or Chinese (names, ids, descriptions, field and grade
 * labels), templates grouped by category with description, source and readings (expandable), and
 * the quick options: ad-hoc bands, percentile tiers and ABC analysis.
 */
import * as React from "react";
import { Button, Field, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../engine";
import type { AdhocKind } from "../adhoc";
import { groupByCategory, searchTemplates } from "../grading";
import { CATALOGUES, useI18n, type MessageKey } from "../i18n";
import { sourceTitle } from "../source-title";
import { TemplateDetails } from "./TemplateDetails";

export type Choice = { kind: "template"; template: Template } | { kind: AdhocKind };

const useStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", gap: "12px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  groupHeading: {
    margin: "8px 0 4px",
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: "none",
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  description: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  source: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "6px", marginTop: "2px" },
  details: { display: "flex", flexDirection: "column", gap: "6px", paddingTop: "4px", overflowWrap: "anywhere" },
  detailTitle: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  detailList: { margin: 0, paddingLeft: "18px" },
  chips: { display: "flex", flexWrap: "wrap", gap: "4px" },
});

const QUICK: { kind: AdhocKind; name: MessageKey; description: MessageKey }[] = [
  { kind: "bands", name: "adhoc.bands.name", description: "picker.quick.bandsDescription" },
  { kind: "percentile", name: "adhoc.percentile.name", description: "picker.quick.tiersDescription" },
  { kind: "share", name: "adhoc.share.name", description: "picker.quick.shareDescription" },
];

/** A quick option matches when every query word is in its name or description, in either language. */
function quickMatches(q: (typeof QUICK)[number], query: string): boolean {
  const words = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [q.name, q.description, "picker.quick.keywords" as const]
    .flatMap((k) => [CATALOGUES.en[k], CATALOGUES["zh-CN"][k]])
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

export interface TemplatePickerProps {
  templates: readonly Template[];
  onChoose: (choice: Choice) => void;
  /** Moves focus to the screen's heading when it appears (screen changes). */
  focusOnMount?: boolean;
  /** The workbook's custom templates group (editor/TemplateLibrary), shown above the built-ins. */
  library?: React.ReactNode;
}

export function TemplatePicker({ templates, onChoose, focusOnMount, library }: TemplatePickerProps): React.JSX.Element {
  const s = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = React.useState("");
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const headingId = React.useId();
  React.useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const found = React.useMemo(() => searchTemplates(templates, query), [templates, query]);
  const groups = React.useMemo(() => groupByCategory(found), [found]);
  const quick = QUICK.filter((q) => quickMatches(q, query));

  return (
    <section className={s.screen} aria-labelledby={headingId}>
      <h2 className={s.heading} id={headingId} ref={headingRef} tabIndex={-1}>
        {t("picker.title")}
      </h2>
      <Text>{t("picker.intro")}</Text>
      <Field label={t("picker.search")} hint={t("picker.searchHint")}>
        <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} placeholder={t("picker.searchPlaceholder")} />
      </Field>
      <Text role="status" aria-live="polite" size={200}>
        {query.trim() ? t("picker.found", { count: found.length + quick.length }) : ""}
      </Text>

      {quick.length > 0 && (
        <CategorySection title={t("picker.quick")}>
          {quick.map((q) => (
            <li key={q.kind} className={s.item}>
              <h4 className={s.name}>{t(q.name)}</h4>
              <Text className={s.description} size={200}>
                {t(q.description)}
              </Text>
              <div className={s.buttons}>
                <Button appearance="primary" size="small" onClick={() => onChoose({ kind: q.kind })} aria-label={t("picker.useNamed", { name: t(q.name) })}>
                  {t("picker.use")}
                </Button>
              </div>
            </li>
          ))}
        </CategorySection>
      )}

      {library}

      {groups.map((g) => (
        <CategorySection key={g.category} title={t(`category.${g.category}`)}>
          {g.templates.map((tpl) => (
            <TemplateItem key={tpl.id} template={tpl} onUse={() => onChoose({ kind: "template", template: tpl })} />
          ))}
        </CategorySection>
      ))}

      {found.length === 0 && quick.length === 0 && <Text>{t("picker.noMatch", { query: query.trim() })}</Text>}
    </section>
  );
}

function CategorySection(props: { title: string; children: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  const id = React.useId();
  return (
    <section aria-labelledby={id}>
      <h3 className={s.groupHeading} id={id}>
        {props.title}
      </h3>
      <ul className={s.list}>{props.children}</ul>
    </section>
  );
}

function TemplateItem({ template, onUse }: { template: Template; onUse: () => void }): React.JSX.Element {
  const s = useStyles();
  const { t, tx } = useI18n();
  const [open, setOpen] = React.useState(false);
  const detailsId = React.useId();
  const name = tx(template.name);
  return (
    <li className={s.item} data-template-id={template.id}>
      <h4 className={s.name}>{name}</h4>
      <Text className={s.description} size={200}>
        {tx(template.description)}
      </Text>
      {template.source && (
        <Text className={s.source} size={100}>
          {t("picker.source")} {sourceTitle(tx(template.source))}
        </Text>
      )}
      <div className={s.buttons}>
        <Button appearance="primary" size="small" onClick={onUse} aria-label={t("picker.useNamed", { name })}>
          {t("picker.use")}
        </Button>
        <Button
          appearance="subtle"
          size="small"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={t(open ? "picker.hideDetailsNamed" : "picker.detailsNamed", { name })}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t("picker.hideDetails") : t("picker.details")}
        </Button>
      </div>
      <div id={detailsId} className={s.details} hidden={!open}>
        {open && <TemplateDetails template={template} />}
      </div>
    </li>
  );
}
