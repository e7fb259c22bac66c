import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("05-delta");
