// Reasoning-Gym tasks, group A (one file per task under <category>/).
import type { Task } from '../types.js';
import { colorCubeRotation } from './cognition/color-cube-rotation.js';
import { moduloGrid } from './cognition/modulo-grid.js';
import { needleHaystack } from './cognition/needle-haystack.js';
import { numberSequence } from './cognition/number-sequence.js';
import { rectangleCount } from './cognition/rectangle-count.js';
import { advancedGeometry } from './geometry/advanced-geometry.js';
import { simpleGeometry } from './geometry/simple-geometry.js';
import { complexArithmetic } from './algebra/complex-arithmetic.js';
import { polynomialEquations } from './algebra/polynomial-equations.js';
import { polynomialMultiplication } from './algebra/polynomial-multiplication.js';
import { simpleEquations } from './algebra/simple-equations.js';
import { simpleIntegration } from './algebra/simple-integration.js';
import { basicArithmetic } from './arithmetic/basic-arithmetic.js';
import { bitwiseArithmetic } from './arithmetic/bitwise-arithmetic.js';
import { calendarArithmetic } from './arithmetic/calendar-arithmetic.js';
import { chainSum } from './arithmetic/chain-sum.js';
import { countBits } from './arithmetic/count-bits.js';
import { decimalArithmetic } from './arithmetic/decimal-arithmetic.js';
import { decimalChainSum } from './arithmetic/decimal-chain-sum.js';
import { dice } from './arithmetic/dice.js';
import { fractionSimplification } from './arithmetic/fraction-simplification.js';
import { gcdTask } from './arithmetic/gcd.js';
import { lcmTask } from './arithmetic/lcm.js';
import { legCounting } from './arithmetic/leg-counting.js';
import { numberFormat } from './arithmetic/number-format.js';
import { powerFunction } from './arithmetic/power-function.js';
import { primeFactorization } from './arithmetic/prime-factorization.js';
import { products } from './arithmetic/products.js';
import { timeIntervals } from './arithmetic/time-intervals.js';

export const reasoningGymGroupA: readonly Task[] = [
  basicArithmetic, bitwiseArithmetic, calendarArithmetic, chainSum, countBits, decimalArithmetic, decimalChainSum, dice,
  fractionSimplification, gcdTask, lcmTask, legCounting, numberFormat, powerFunction, primeFactorization, products, timeIntervals,
  complexArithmetic, polynomialEquations, polynomialMultiplication, simpleEquations, simpleIntegration,
  advancedGeometry, simpleGeometry,
  colorCubeRotation, moduloGrid, needleHaystack, numberSequence, rectangleCount,
] as unknown as readonly Task[];
