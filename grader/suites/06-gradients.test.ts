import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("06-gradients");
