/**
 * The editor of a scorecard: criteria (key, label, points, weight, scoring with its own inputs),
 * then how the score is graded (score bands or percentile cut points). Formula scoring and
 * expression points are edited in the JSON view.
 */
import * as React from "react";
import { Button, Field, Select, Text } from "@fluentui/react-components";
import { evenCuts, round9, type Criterion, type ModelOf, type Scoring, type Step, type Template } from "../../../engine";
import { useI18n } from "../../i18n";
import { KeyInput } from "../FieldsEditor";
import { IdSelect, ItemButtons, NumberField, NumValue, TextPair, useEditorStyles } from "../inputs";
import { compact, defaultModel, draftFields, moveItem, removeAt, replaceAt, uniqueId } from "../template-draft";
import { BandList } from "./BandList";
import { CutsEditor } from "./CutsEditor";
import { OP_TEXT, useOptions, type KindEditorProps } from "./kind-editor";

const STEP_OPS: Step["op"][] = [">=", ">", "<=", "<", "="];

/** Sum of the criteria weights in percent, or null when no criterion has a weight. */
export function weightTotal(m: ModelOf<"scorecard">): number | null {
  const ws = m.criteria.map((c) => c.weight).filter((w): w is number => typeof w === "number");
  return ws.length ? round9(ws.reduce((a, b) => a + b, 0) * 100) : null;
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

export function ScorecardModel(props: KindEditorProps<"scorecard">): React.JSX.Element {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const { fieldOptions } = useOptions(props.draft);
  const m = props.model;
  const setCriteria = (criteria: Criterion[]) => props.onChange({ ...m, criteria });
  const total = weightTotal(m);
  const g = m.grading;
  return (
    <div className={s.section}>
      <Text size={200} className={s.hint}>
        {t("editor.scorecard.help")}
      </Text>
      {m.criteria.some((c) => (c.min ?? 0) < 0) && (
        <Field label={t("editor.scorecard.negativeTotal")}>
          <Select value={m.negativeTotal ?? "clamp"} onChange={(_, d) => props.onChange({ ...m, negativeTotal: d.value as "allow" | "clamp" })}>
            <option value="clamp">{t("editor.scorecard.negativeClamp")}</option>
            <option value="allow">{t("editor.scorecard.negativeAllow")}</option>
          </Select>
        </Field>
      )}
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
                <NumberField className={s.grow} label={t("editor.criterion.min")} value={c.min} onChange={(v) => setC({ ...c, min: v })} />
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
                  : defaultModel("scorecard", props.draft)!.grading,
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
              <NumValue label={t("editor.band.valueNamed", { name })} value={st.value} params={props.draft.params ?? []} fields={draftFields(props.draft)} onChange={(v) => setSteps(replaceAt(sc.steps, k, { ...st, value: v }))} />
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
