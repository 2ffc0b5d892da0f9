/** Excel.Application: calculation settings and the suspend switches (recorded in the batch stats). */
import * as E from "../enums";
import type { WorkbookModel } from "../model/workbook";
import { checkEnum, field, oneOf } from "../runtime/arguments";
import { defineProxy, HostObject } from "../runtime/object";

declare module "../runtime/registry" {
  interface ProxyClasses {
    Application: typeof ApplicationProxy;
  }
}

export class ApplicationProxy extends HostObject<WorkbookModel> {
  suspendApiCalculationUntilNextSync(): void {
    this.context._suspendCalc = true;
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context._suspendScreen = true;
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], () => {
      checkEnum(calculationType, E.CalculationType, "Application.calculate");
    });
  }
}
defineProxy(ApplicationProxy, "Application", {
  props: {
    calculationMode: field("calculationMode", oneOf(E.CalculationMode)),
    calculationState: { get: () => "Done" },
    decimalSeparator: { get: () => "." },
    thousandsSeparator: { get: () => "," },
    useSystemSeparators: { get: () => true },
    calculationEngineVersion: { get: () => 0 },
  },
});
