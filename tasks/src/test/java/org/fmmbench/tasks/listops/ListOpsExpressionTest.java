package org.fmmbench.tasks.listops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ListOpsExpressionTest {
    @Test
    void medianOfAnEvenCountIsTheTruncatedMeanOfTheMiddleValues() {
        assertEquals(3, ListOpsExpression.parse("[MED 3 4 ]").value());
        assertEquals(5, ListOpsExpression.parse("[MED 9 1 4 6 ]").value());
        assertEquals(4, ListOpsExpression.parse("[MED 9 1 4 ]").value());
    }

    @Test
    void sumModTenMinAndMax() {
        assertEquals(8, ListOpsExpression.parse("[SM 9 9 ]").value());
        assertEquals(0, ListOpsExpression.parse("[SM 5 5 ]").value());
        assertEquals(1, ListOpsExpression.parse("[MIN 4 1 7 ]").value());
        assertEquals(7, ListOpsExpression.parse("[MAX 4 1 7 ]").value());
    }

    @Test
    void readsLrasParenthesisedSerialisationAndMeasuresItAsLraDoes() {
        ListOpsExpression e = ListOpsExpression.parse("( ( ( ( [SM 5 ) 7 ) ( ( ( [MIN 4 ) 1 ) ] ) ) ] )");
        assertEquals(3, e.value());
        assertEquals(8, e.length(), "SM 5 7 MIN 4 1 ] ] : parentheses do not count");
        assertEquals(2, e.depth());
        assertEquals(3, e.maxArgs());
    }

    @Test
    void rejectsBrokenExpressions() {
        assertThrows(IllegalArgumentException.class, () -> ListOpsExpression.parse("[MAX 1 2"));
        assertThrows(IllegalArgumentException.class, () -> ListOpsExpression.parse("[MAX 1 2 ] ]"));
        assertThrows(IllegalArgumentException.class, () -> ListOpsExpression.parse("[AVG 1 2 ]"));
        assertThrows(IllegalArgumentException.class, () -> ListOpsExpression.parse(""));
    }
}
