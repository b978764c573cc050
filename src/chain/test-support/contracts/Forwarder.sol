// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// Moves ETH with internal calls, the way a Safe or a laundering contract does.
contract Forwarder {
    /// One internal transfer of the whole value.
    function forward(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}("");
        require(ok, "forward failed");
    }

    /// Two internal transfers: half to each.
    function split(address payable a, address payable b) external payable {
        uint256 half = msg.value / 2;
        (bool okA, ) = a.call{value: half}("");
        (bool okB, ) = b.call{value: msg.value - half}("");
        require(okA && okB, "split failed");
    }

    /// Forwards, then reverts: the whole transaction fails and nothing moves.
    function forwardThenRevert(address payable to) external payable {
        (bool ok, ) = to.call{value: msg.value}("");
        require(ok, "forward failed");
        revert("refused");
    }

    /// The inner forward reverts but is caught: the transaction succeeds, the inner transfer moved nothing.
    function tryForward(address payable to) external payable {
        try this.forwardThenRevert{value: msg.value}(to) {} catch {}
    }

    receive() external payable {}
}
