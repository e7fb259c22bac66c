import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("02-perceptron");
