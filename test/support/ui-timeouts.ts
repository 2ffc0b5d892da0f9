/*
 * jest setupFilesAfterEnv: the task-pane suites wait for what React renders (`findByRole`, `waitFor`).
 * testing-library's default wait is 1 s, which a 2-core machine running LibreOffice and Chromium suites
 * beside them can exceed; 5 s is still far below jest's 30 s test timeout. Assertions are unchanged.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 5000 });
