using PatUcsi.Domain.Security;

namespace PatUcsi.Domain.Tests;

public class AccessPolicyTests
{
    private const int Ucsi = 1;
    private const int Deoe = 2;

    [Theory]
    // role, own unit?, permission, allowed
    [InlineData(Role.Administrator, false, Access.Read, true)]
    [InlineData(Role.Administrator, false, Access.Edit, true)]
    [InlineData(Role.Administrator, false, Access.Submit, true)]
    [InlineData(Role.Administrator, false, Access.Review, true)]
    [InlineData(Role.Administrator, false, Access.Reopen, true)]
    [InlineData(Role.Administrator, false, Access.CaptureProgress, false)]
    [InlineData(Role.Administrator, false, Access.ApproveProgress, false)]
    [InlineData(Role.Junta, false, Access.Read, true)]
    [InlineData(Role.Junta, false, Access.Edit, false)]
    [InlineData(Role.Junta, false, Access.Submit, false)]
    [InlineData(Role.Junta, false, Access.Review, true)]
    [InlineData(Role.Junta, false, Access.Reopen, true)]
    [InlineData(Role.Junta, false, Access.CaptureProgress, false)]
    [InlineData(Role.Titular, true, Access.Read, true)]
    [InlineData(Role.Titular, true, Access.Edit, true)]
    [InlineData(Role.Titular, true, Access.Submit, true)]
    [InlineData(Role.Titular, true, Access.Review, false)]
    [InlineData(Role.Titular, true, Access.Reopen, false)]
    [InlineData(Role.Titular, true, Access.CaptureProgress, true)]
    [InlineData(Role.Titular, true, Access.ApproveProgress, true)]
    [InlineData(Role.Titular, false, Access.Read, false)]
    [InlineData(Role.Titular, false, Access.Edit, false)]
    [InlineData(Role.Titular, false, Access.ApproveProgress, false)]
    [InlineData(Role.Capturista, true, Access.Read, true)]
    [InlineData(Role.Capturista, true, Access.Edit, false)]
    [InlineData(Role.Capturista, true, Access.Submit, false)]
    [InlineData(Role.Capturista, true, Access.CaptureProgress, true)]
    [InlineData(Role.Capturista, true, Access.ApproveProgress, false)]
    [InlineData(Role.Capturista, false, Access.Read, false)]
    [InlineData(Role.Capturista, false, Access.CaptureProgress, false)]
    public void Who_may_do_what(Role role, bool ownUnit, Access access, bool allowed)
    {
        var actor = new Actor("usuario", role, AccessPolicy.BelongsToUnit(role) ? Ucsi : null);

        Assert.Equal(allowed, actor.Can(access, ownUnit ? Ucsi : Deoe));
    }

    [Fact]
    public void A_unit_role_without_a_unit_may_do_nothing()
    {
        var orphan = new Actor("usuario", Role.Titular, null);

        Assert.All(Enum.GetValues<Access>(), p => Assert.False(orphan.Can(p, Ucsi)));
    }
}
