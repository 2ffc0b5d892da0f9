/**
 * How rows become grades: the model kind, then its own editor — threshold bands, first-match rules
 * (structured conditions), a scorecard (criteria, points, weights, scoring, score bands or
 * percentile tiers) or percentile tiers. Code models and formula scoring are edited in the JSON view.
 */
import * as React from "react";
import { Button, Field, Select, Text } from "@fluentui/react-components";
import type { Band, CmpOp, Criterion, Model, Rule, Scoring, Step, Template } from "../../engine";
import { useI18n, type MessageKey } from "../i18n";
import { ConditionEditor } from "./ConditionEditor";
import { KeyInput, type SectionProps } from "./FieldsEditor";
import { IdSelect, ItemButtons, NumberField, NumValue, TextPair, useEditorStyles } from "./inputs";
import { compact, defaultCondition, defaultModel, evenCuts, FORM_KINDS, moveItem, removeAt, replaceAt, uniqueId, weightTotal, type FormKind } from "./model";

type Of<K extends Model["kind"]> = Extract<Model, { kind: K }>;

const KIND_LABEL: Record<Model["kind"], MessageKey> = {
  bands: "editor.kind.bands",
  rules: "editor.kind.rules",
  scorecard: "editor.kind.scorecard",
  percentile: "editor.kind.percentile",
  code: "editor.kind.code",
};

const BAND_OPS: Band["op"][] = [">=", ">", "<=", "<"];
const STEP_OPS: Step["op"][] = [">=", ">", "<=", "<", "="];
const OP_TEXT: Record<CmpOp, MessageKey> = { ">=": "cond.op.ge", ">": "cond.op.gt", "<=": "cond.op.le", "<": "cond.op.lt", "=": "cond.op.eq", "!=": "cond.op.ne" };

export function ModelEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const stash = React.useRef(new Map<string, Model>());
  const kind = draft.model.kind;
  const setModel = (m: Model) => onChange({ ...draft, model: m });
  const switchTo = (k: FormKind) => {
    stash.current.set(kind, draft.model);
    setModel(stash.current.get(k) ?? defaultModel(k, draft));
  };
  return (
    <div className={s.section}>
      <Field label={t("editor.kind")} hint={t(`editor.kindHint.${kind}`)}>
        <Select value={kind} onChange={(_, d) => switchTo(d.value as FormKind)}>
          {FORM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABEL[k])}
            </option>
          ))}
          {kind === "code" && <option value="code">{t(KIND_LABEL.code)}</option>}
        </Select>
      </Field>
      {draft.model.kind === "bands" && <BandsModel draft={draft} model={draft.model} onChange={setModel} />}
      {draft.model.kind === "rules" && <RulesModel draft={draft} model={draft.model} onChange={setModel} />}
      {draft.model.kind === "scorecard" && <ScorecardModel draft={draft} model={draft.model} onChange={setModel} />}
      {draft.model.kind === "percentile" && <PercentileModel draft={draft} model={draft.model} onChange={setModel} />}
      {draft.model.kind === "code" && <Text size={200}>{t("editor.codeInJson")}</Text>}
    </div>
  );
}

function useOptions(draft: Template) {
  const { tx } = useI18n();
  const fieldOptions = (...types: string[]) =>
    draft.fields.filter((f) => !types.length || types.includes(f.type)).map((f) => ({ value: f.key, text: tx(f.label) || f.key }));
  const gradeOptions = draft.grades.map((g) => ({ value: g.id, text: tx(g.label) && tx(g.label) !== g.id ? `${g.id} · ${tx(g.label)}` : g.id }));
  return { fieldOptions, gradeOptions };
}

/** Bands (threshold rows): grade, comparison, threshold; then "otherwise". Shared by score bands. */
function BandList(props: { draft: Template; bands: Band[]; onChange: (b: Band[]) => void; otherwise: string | undefined; onOtherwise: (g: string | undefined) => void; what: "band" | "scoreBand" }) {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { gradeOptions } = useOptions(props.draft);
  const { bands } = props;
  const itemKey: MessageKey = props.what === "band" ? "path.band" : "editor.scoreBand";
  return (
    <>
      <ol className={s.list}>
        {bands.map((b, k) => {
          const name = t(itemKey, { n: k + 1 });
          return (
            <li key={k} className={s.row} data-editor-band={k}>
              <IdSelect hideLabel label={t("editor.band.gradeNamed", { name })} value={b.grade} options={gradeOptions} onChange={(v) => props.onChange(replaceAt(bands, k, { ...b, grade: v ?? "" }))} />
              <Select aria-label={t("editor.band.opNamed", { name })} value={b.op} onChange={(_, d) => props.onChange(replaceAt(bands, k, { ...b, op: d.value as Band["op"] }))}>
                {BAND_OPS.map((o) => (
                  <option key={o} value={o}>
                    {t(OP_TEXT[o])}
                  </option>
                ))}
              </Select>
              <NumValue label={t("editor.band.valueNamed", { name })} value={b.value} params={props.draft.params ?? []} onChange={(v) => props.onChange(replaceAt(bands, k, { ...b, value: v }))} />
              <ItemButtons name={name} index={k} count={bands.length} onMove={(d) => props.onChange(moveItem(bands, k, d))} onRemove={() => props.onChange(removeAt(bands, k))} keep={bands.length <= 1} />
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const last = bands[bands.length - 1];
            const used = new Set(bands.map((b) => b.grade));
            const grade = props.draft.grades.find((g) => !used.has(g.id) && g.id !== props.otherwise)?.id ?? props.draft.grades[0]?.id ?? "";
            props.onChange([...bands, { grade, op: last?.op ?? ">=", value: typeof last?.value === "number" ? last.value : 0 }]);
          }}
        >
          {props.what === "band" ? t("editor.band.add") : t("editor.scoreBand.add")}
        </Button>
      </div>
      <IdSelect label={t("editor.otherwise")} value={props.otherwise} options={gradeOptions} none={t("editor.otherwiseNone")} onChange={props.onOtherwise} />
    </>
  );
}

function BandsModel(props: { draft: Template; model: Of<"bands">; onChange: (m: Model) => void }) {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { fieldOptions } = useOptions(props.draft);
  const m = props.model;
  return (
    <div className={s.section}>
      <IdSelect label={t("editor.bands.field")} value={m.field} options={fieldOptions("number")} onChange={(v) => props.onChange({ ...m, field: v ?? "" })} />
      <Text size={200} className={s.hint}>
        {t("editor.bands.help")}
      </Text>
      <BandList
        draft={props.draft}
        what="band"
        bands={m.bands}
        onChange={(bands) => props.onChange({ ...m, bands })}
        otherwise={m.otherwise}
        onOtherwise={(g) => props.onChange(compact({ ...m, otherwise: g }))}
      />
    </div>
  );
}

function RulesModel(props: { draft: Template; model: Of<"rules">; onChange: (m: Model) => void }) {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { gradeOptions } = useOptions(props.draft);
  const m = props.model;
  const setRules = (rules: Rule[]) => props.onChange({ ...m, rules });
  return (
    <div className={s.section}>
      <Text size={200} className={s.hint}>
        {t("editor.rules.help")}
      </Text>
      <ol className={s.list}>
        {m.rules.map((r, k) => {
          const name = t("path.rule", { n: k + 1 });
          const setRule = (x: Rule) => setRules(replaceAt(m.rules, k, compact(x)));
          return (
            <li key={k} className={s.item} data-editor-rule={k}>
              <div className={s.itemHeader}>
                <h4 className={s.itemTitle}>{name}</h4>
                <ItemButtons name={name} index={k} count={m.rules.length} onMove={(d) => setRules(moveItem(m.rules, k, d))} onRemove={() => setRules(removeAt(m.rules, k))} keep={m.rules.length <= 1} />
              </div>
              <IdSelect label={t("editor.rule.grade", { name })} value={r.grade} options={gradeOptions} onChange={(v) => setRule({ ...r, grade: v ?? "" })} />
              <Text size={200} weight="semibold">
                {t("editor.rule.when")}
              </Text>
              <ConditionEditor
                value={r.when}
                onChange={(when) => setRule({ ...r, when })}
                fields={props.draft.fields}
                params={props.draft.params ?? []}
                label={t("editor.rule.conditionOf", { name })}
              />
              {r.note ? (
                <>
                  <TextPair label={t("editor.rule.note")} value={r.note} onChange={(note) => setRule({ ...r, note })} />
                  <div>
                    <Button size="small" appearance="subtle" onClick={() => setRule({ ...r, note: undefined })} aria-label={t("editor.rule.removeNoteNamed", { name })}>
                      {t("editor.rule.removeNote")}
                    </Button>
                  </div>
                </>
              ) : (
                <div>
                  <Button size="small" appearance="subtle" onClick={() => setRule({ ...r, note: { en: "", zh: "" } })} aria-label={t("editor.rule.addNoteNamed", { name })}>
                    {t("editor.rule.addNote")}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const used = new Set(m.rules.map((r) => r.grade));
            const grade = props.draft.grades.find((g) => !used.has(g.id) && g.id !== m.otherwise)?.id ?? props.draft.grades[0]?.id ?? "";
            setRules([...m.rules, { grade, when: defaultCondition(props.draft.fields[0]) }]);
          }}
        >
          {t("editor.rule.add")}
        </Button>
      </div>
      <IdSelect label={t("editor.otherwise")} value={m.otherwise} options={gradeOptions} none={t("editor.otherwiseNone")} onChange={(g) => props.onChange(compact({ ...m, otherwise: g }))} />
    </div>
  );
}

const SCORING_KINDS: Scoring["kind"][] = ["relativeToMax", "input", "map", "steps", "formula"];

function defaultScoring(kind: Scoring["kind"], draft: Template, prev: Scoring): Scoring {
  const num = draft.fields.find((f) => f.type === "number")?.key ?? "";
  const choice = draft.fields.find((f) => f.type === "category" || f.type === "yesno");
  const field = "field" in prev ? prev.field : num;
  switch (kind) {
    case "relativeToMax":
    case "input":
      return { kind, field: draft.fields.find((f) => f.key === field)?.type === "number" ? field : num };
    case "map": {
      const values = choice?.type === "yesno" ? ["yes", "no"] : (choice?.categories ?? []).map((c) => c.value);
      return { kind, field: choice?.key ?? "", points: Object.fromEntries(values.map((v) => [v, 0])) };
    }
    case "steps":
      return { kind, field: num, steps: [{ op: ">=", value: 0, points: 0 }], otherwise: 0 };
    case "formula":
      return { kind, expr: 0 };
  }
}

function ScorecardModel(props: { draft: Template; model: Of<"scorecard">; onChange: (m: Model) => void }) {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const { fieldOptions } = useOptions(props.draft);
  const m = props.model;
  const setCriteria = (criteria: Criterion[]) => props.onChange({ ...m, criteria });
  const total = weightTotal({ ...props.draft, model: m });
  const g = m.grading;
  return (
    <div className={s.section}>
      <Text size={200} className={s.hint}>
        {t("editor.scorecard.help")}
      </Text>
      {total !== null && (
        <Text size={200} role="status">
          {t("editor.scorecard.weights", { total })}
        </Text>
      )}
      <ol className={s.list}>
        {m.criteria.map((c, k) => {
          const name = tx(c.label) || c.key || t("path.criterion", { n: k + 1 });
          const setC = (x: Criterion) => setCriteria(replaceAt(m.criteria, k, compact(x)));
          const sc = c.scoring;
          const fieldKinds = sc.kind === "map" ? ["category", "yesno"] : ["number"];
          const mapField = sc.kind === "map" ? props.draft.fields.find((f) => f.key === sc.field) : undefined;
          const mapValues =
            sc.kind === "map"
              ? [
                  ...(mapField?.type === "yesno"
                    ? [
                        { value: "yes", text: t("cond.yes") },
                        { value: "no", text: t("cond.no") },
                      ]
                    : (mapField?.categories ?? []).map((x) => ({ value: x.value, text: tx(x.label) || x.value }))),
                  ...Object.keys(sc.points)
                    .filter((v) => mapField?.type === "yesno" ? !["yes", "no"].includes(v) : !(mapField?.categories ?? []).some((x) => x.value === v))
                    .map((v) => ({ value: v, text: t("editor.unknownOption", { value: v }) })),
                ]
              : [];
          return (
            <li key={k} className={s.item} data-editor-criterion={k}>
              <div className={s.itemHeader}>
                <h4 className={s.itemTitle}>{t("path.criterion", { n: k + 1 })}</h4>
                <ItemButtons name={name} index={k} count={m.criteria.length} onMove={(d) => setCriteria(moveItem(m.criteria, k, d))} onRemove={() => setCriteria(removeAt(m.criteria, k))} keep={m.criteria.length <= 1} />
              </div>
              <KeyInput label={t("editor.criterion.key")} hint={t("editor.keyHint")} value={c.key} onChange={(v) => setC({ ...c, key: v })} onRename={() => undefined} />
              <TextPair label={t("editor.criterion.label")} value={c.label} onChange={(v) => setC({ ...c, label: v })} required />
              <div className={s.row}>
                <NumberField className={s.grow} label={t("editor.criterion.points")} required value={c.points} onChange={(v) => setC({ ...c, points: v ?? NaN })} />
                <NumberField className={s.grow} label={t("editor.criterion.weight")} hint={t("editor.criterion.weightHint")} percent value={c.weight} onChange={(v) => setC({ ...c, weight: v })} />
              </div>
              <Field label={t("editor.criterion.scoring")}>
                <Select value={sc.kind} onChange={(_, d) => setC({ ...c, scoring: defaultScoring(d.value as Scoring["kind"], props.draft, sc) })}>
                  {SCORING_KINDS.map((sk) => (
                    <option key={sk} value={sk}>
                      {t(`editor.scoring.${sk}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              {"field" in sc && (
                <IdSelect
                  label={t("editor.criterion.field")}
                  value={sc.field}
                  options={fieldOptions(...fieldKinds)}
                  onChange={(v) => {
                    if (sc.kind !== "map") return setC({ ...c, scoring: { ...sc, field: v ?? "" } });
                    const f = props.draft.fields.find((x) => x.key === v);
                    const values = f?.type === "yesno" ? ["yes", "no"] : (f?.categories ?? []).map((x) => x.value);
                    setC({ ...c, scoring: { ...sc, field: v ?? "", points: Object.fromEntries(values.map((x) => [x, Object.prototype.hasOwnProperty.call(sc.points, x) ? sc.points[x] : 0])) } });
                  }}
                />
              )}
              {sc.kind === "map" && (
                <div className={s.section} role="group" aria-label={t("editor.map.pointsOf", { name })}>
                  {mapValues.map((v, i) => (
                    <div key={i} className={s.row}>
                      <NumberField
                        className={s.grow}
                        label={t("editor.map.pointsFor", { value: v.text })}
                        value={Object.prototype.hasOwnProperty.call(sc.points, v.value) ? sc.points[v.value] : undefined}
                        onChange={(x) => {
                          const points = { ...sc.points };
                          if (x === undefined) delete points[v.value];
                          else points[v.value] = x;
                          setC({ ...c, scoring: { ...sc, points } });
                        }}
                      />
                    </div>
                  ))}
                  <NumberField label={t("editor.map.otherwise")} value={sc.otherwise} onChange={(x) => setC({ ...c, scoring: compact({ ...sc, otherwise: x }) })} />
                </div>
              )}
              {sc.kind === "steps" && <StepsEditor draft={props.draft} name={name} scoring={sc} onChange={(x) => setC({ ...c, scoring: x })} />}
              {sc.kind === "formula" && (
                <Text size={200} className={s.hint}>
                  {t("editor.formulaInJson")}
                </Text>
              )}
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const key = uniqueId(`c${m.criteria.length + 1}`, m.criteria.map((c) => c.key)).replace(/-/g, "");
            const num = props.draft.fields.find((f) => f.type === "number")?.key ?? "";
            setCriteria([...m.criteria, { key, label: { en: key, zh: key }, points: 10, scoring: { kind: "relativeToMax", field: num } }]);
          }}
        >
          {t("editor.criterion.add")}
        </Button>
      </div>
      <Field label={t("editor.grading")}>
        <Select
          value={g.kind}
          onChange={(_, d) =>
            props.onChange({
              ...m,
              grading:
                d.value === "percentile"
                  ? { kind: "percentile", cuts: evenCuts(Math.max(2, props.draft.grades.length)) }
                  : (defaultModel("scorecard", props.draft) as Of<"scorecard">).grading,
            })
          }
        >
          <option value="bands">{t("editor.grading.bands")}</option>
          <option value="percentile">{t("editor.grading.percentile")}</option>
        </Select>
      </Field>
      {g.kind === "bands" ? (
        <BandList
          draft={props.draft}
          what="scoreBand"
          bands={g.bands}
          onChange={(bands) => props.onChange({ ...m, grading: { ...g, bands } })}
          otherwise={g.otherwise}
          onOtherwise={(o) => props.onChange({ ...m, grading: compact({ ...g, otherwise: o }) })}
        />
      ) : (
        <CutsEditor cuts={g.cuts} onChange={(cuts) => props.onChange({ ...m, grading: { kind: "percentile", cuts } })} />
      )}
    </div>
  );
}

function StepsEditor(props: { draft: Template; name: string; scoring: Extract<Scoring, { kind: "steps" }>; onChange: (s: Scoring) => void }) {
  const s = useEditorStyles();
  const { t } = useI18n();
  const sc = props.scoring;
  const setSteps = (steps: Step[]) => props.onChange({ ...sc, steps });
  return (
    <div className={s.section} role="group" aria-label={t("editor.steps.of", { name: props.name })}>
      <ol className={s.list}>
        {sc.steps.map((st, k) => {
          const name = t("editor.steps.named", { name: props.name, n: k + 1 });
          return (
            <li key={k} className={s.row}>
              <Select aria-label={t("editor.band.opNamed", { name })} value={st.op} onChange={(_, d) => setSteps(replaceAt(sc.steps, k, { ...st, op: d.value as Step["op"] }))}>
                {STEP_OPS.map((o) => (
                  <option key={o} value={o}>
                    {t(OP_TEXT[o])}
                  </option>
                ))}
              </Select>
              <NumValue label={t("editor.band.valueNamed", { name })} value={st.value} params={props.draft.params ?? []} onChange={(v) => setSteps(replaceAt(sc.steps, k, { ...st, value: v }))} />
              {typeof st.points === "number" ? (
                <NumberField hideLabel required label={t("editor.steps.pointsNamed", { name })} value={st.points} onChange={(v) => setSteps(replaceAt(sc.steps, k, { ...st, points: v ?? NaN }))} />
              ) : (
                <Text size={200}>{t("editor.exprInJson")}</Text>
              )}
              <ItemButtons name={name} index={k} count={sc.steps.length} onMove={(d) => setSteps(moveItem(sc.steps, k, d))} onRemove={() => setSteps(removeAt(sc.steps, k))} keep={sc.steps.length <= 1} />
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="small" onClick={() => setSteps([...sc.steps, { op: ">=", value: 0, points: 0 }])} aria-label={t("editor.steps.addNamed", { name: props.name })}>
          {t("editor.steps.add")}
        </Button>
      </div>
      {typeof sc.otherwise === "number" ? (
        <NumberField label={t("editor.steps.otherwise")} required value={sc.otherwise} onChange={(v) => props.onChange({ ...sc, otherwise: v ?? NaN })} />
      ) : (
        <Text size={200}>{t("editor.exprInJson")}</Text>
      )}
    </div>
  );
}

/** Percentile cut points, shown as percentages from the top. */
function CutsEditor(props: { cuts: number[]; onChange: (c: number[]) => void }) {
  const s = useEditorStyles();
  const { t } = useI18n();
  return (
    <div className={s.section}>
      <Text size={200} className={s.hint}>
        {t("adhoc.percentile.help")}
      </Text>
      <ol className={s.list}>
        {props.cuts.map((c, k) => {
          const name = t("path.cut", { n: k + 1 });
          return (
            <li key={k} className={s.row}>
              <NumberField className={s.grow} label={name} percent required value={c} onChange={(v) => props.onChange(replaceAt(props.cuts, k, v ?? NaN))} />
              <ItemButtons name={name} index={k} count={props.cuts.length} onRemove={() => props.onChange(removeAt(props.cuts, k))} keep={props.cuts.length <= 1} />
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="small" onClick={() => props.onChange([...props.cuts, Math.min(0.99, (props.cuts[props.cuts.length - 1] ?? 0) + 0.1)])}>
          {t("adhoc.addTier")}
        </Button>
      </div>
    </div>
  );
}

function PercentileModel(props: { draft: Template; model: Of<"percentile">; onChange: (m: Model) => void }) {
  const s = useEditorStyles();
  const { t } = useI18n();
  const { fieldOptions } = useOptions(props.draft);
  const m = props.model;
  return (
    <div className={s.section}>
      <IdSelect label={t("editor.bands.field")} value={m.field} options={fieldOptions("number")} onChange={(v) => props.onChange({ ...m, field: v ?? "" })} />
      <IdSelect
        label={t("adhoc.groupBy")}
        value={m.groupBy}
        options={fieldOptions("text", "category", "yesno")}
        none={t("adhoc.noGroup")}
        onChange={(v) => props.onChange(compact({ ...m, groupBy: v }))}
      />
      <Text size={200} className={s.hint}>
        {t("editor.percentile.tiers")}
      </Text>
      <CutsEditor cuts={m.cuts} onChange={(cuts) => props.onChange({ ...m, cuts })} />
    </div>
  );
}

